"""The Milvus store: the corpus in Milvus collections, shared by replicas."""
