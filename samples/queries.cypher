// Example questions for the graph of samples/*.txt; `bash samples/run.sh` runs them.

// Who invests in whom, and how much?
MATCH (investor)-[r:INVESTS_IN]->(target)
RETURN investor.name AS investor, target.name AS target, r.amount_min AS min, r.amount_max AS max,
       r.currency AS currency, r.status AS status
ORDER BY investor, target;

// Who invests in OpenAI?
MATCH (investor)-[:invests-in]->(:Organization {name: 'OpenAI'})
RETURN investor.name AS investor ORDER BY investor;

// Which rivals share an investor?
MATCH (a)-[:COMPETES_WITH]-(b), (investor)-[:INVESTS_IN]->(a), (investor)-[:INVESTS_IN]->(b)
WHERE a.name < b.name
RETURN DISTINCT a.name AS rival, b.name AS other_rival, investor.name AS shared_investor;

// Who founded what?
MATCH (founder)-[:FOUNDED]->(thing)
RETURN founder.name AS founder, labels(thing)[0] AS kind, thing.name AS founded ORDER BY founder;

// The most connected entities.
MATCH (n)-[r]-()
RETURN n.name AS entity, count(r) AS relationships
ORDER BY relationships DESC, entity LIMIT 10;

// How is Masayoshi Son connected to Stargate?
MATCH p = shortestPath((a {name: 'Masayoshi Son'})-[*..4]-(b {name: 'Stargate'}))
RETURN [n IN nodes(p) | n.name] AS path;

// Why do we believe each investment? The sentences behind the edges.
MATCH (investor)-[r:INVESTS_IN]->(target)
RETURN investor.name AS investor, target.name AS target, r.evidence AS evidence
ORDER BY investor, target LIMIT 5;
