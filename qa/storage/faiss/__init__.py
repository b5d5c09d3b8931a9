"""The FAISS store: version folders on local disk, searched in memory."""
