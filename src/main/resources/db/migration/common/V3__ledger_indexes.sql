-- Investors are matched by exact name when a row or form gives no USCC (Merchants.match, the ledger import):
-- without an index every look-up scanned the merchant table (docs/benchmarks.md, "Ledger import").
CREATE INDEX ix_merchant_name ON merchant (name);
