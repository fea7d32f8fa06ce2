"""The dashboard's building blocks: data loading, translation, URL state, charts."""
