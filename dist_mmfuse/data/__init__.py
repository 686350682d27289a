"""Sample codec and the streaming WebDataset loader."""
