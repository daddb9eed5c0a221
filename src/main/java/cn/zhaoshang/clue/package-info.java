/**
 * The clue database (线索库) of policy clause XIII: leads on enterprises that may invest, with their source and
 * credit (clauses II and XI), assignment to units through the city pool, dated follow-ups, and conversion into a
 * project of the ledger (done by the project module, which depends on this one). Intermediaries submit clues for the
 * units that entrust them and see only their own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clues")
package cn.zhaoshang.clue;
