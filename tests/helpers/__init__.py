"""What several test modules share: paths, real servers, sample documents. Imported by tests, never by qa."""
