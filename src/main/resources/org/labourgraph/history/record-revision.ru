# One recorded change on an external store, as a single operation: the change's own quads are added to the DELETE and
# INSERT templates in code (as Jena quads, never as text), and the WHERE clause is the guard: nothing at all is
# written unless the change log's head is still ?expected, the revision the front-end read before it numbered its own.
# ?log, ?revision, ?number, ?expected, ?patch, ?time and ?token are bound. (record-first-revision.ru when none is there.)
PREFIX lg: <https://w3id.org/labourgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE { GRAPH ?log { ?log lg:changeLogHead ?expected } }
INSERT {
  GRAPH ?log {
    ?log lg:changeLogHead ?number .
    ?revision a prov:Activity ;
      lg:revisionNumber ?number ;
      prov:endedAtTime ?time ;
      lg:rdfPatch ?patch ;
      lg:writeToken ?token .
  }
}
WHERE {
  GRAPH ?log { ?log lg:changeLogHead ?expected }
}
