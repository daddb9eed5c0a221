-- H2 has no trigram index; clue list searches scan (the embedded database serves small installations).
CREATE INDEX ix_clue_title ON clue (title);
