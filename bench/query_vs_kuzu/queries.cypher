// The questions of the kg-vs-Kùzu benchmark, run unchanged on both engines by run.js.
// Each statement is preceded by a `// name` line and ends with `;` at the end of a line.
// Names exist at every graph size from 10,000 relationships up.

// name lookup
MATCH (o:Organization {name: 'Company 42'})
RETURN o.name, o.industry, o.founded;

// 1 hop, type + labels
MATCH (p:Person)-[:WORKS_FOR]->(o:Organization {name: 'Company 7'})
RETURN p.name, p.born;

// 2 hops, types + labels
MATCH (:Organization {name: 'Company 7'})-[:COMPETES_WITH]-(c:Organization)<-[:INVESTS_IN]-(i:Organization)
RETURN c.name, i.name;

// *1..3 neighbourhood
MATCH (:Organization {name: 'Company 42'})-[*1..3]->(n)
RETURN DISTINCT n.name;

// top-10 aggregation
MATCH (:Organization)-[:INVESTS_IN]->(o:Organization)
RETURN o.name AS company, count(*) AS investors
ORDER BY investors DESC, company
LIMIT 10;

// relationship properties
MATCH (i:Organization)-[r:INVESTS_IN]->(o:Organization)
WHERE r.year >= 2020 AND r.amount >= 990000000.0
RETURN i.name, o.name, r.amount;

// compete + share investor
MATCH (a:Organization)-[:COMPETES_WITH]->(b:Organization),
      (i:Organization)-[:INVESTS_IN]->(a), (i)-[:INVESTS_IN]->(b)
RETURN a.name, b.name, i.name;
