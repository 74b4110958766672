"""The inputs with their provenance: the glasses (``data/materials.toml``) and the numbers the paper prints
(``data/claims.toml``), read and checked at load (a bad file is a data error naming the file, table and field).
"""
