"""Services: the glue between the engine, the database and the views. They own transactions."""
