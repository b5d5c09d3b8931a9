// placeholder: the chat widget (see CHANGELOG)
