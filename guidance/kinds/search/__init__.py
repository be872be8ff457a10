"""Search tuning: ``data/search.yml``, the partnership's synonyms and its relevance set."""
