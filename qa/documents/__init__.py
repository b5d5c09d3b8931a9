"""Documents: read and clean files, cut them into sentences and passages, check uploads."""
