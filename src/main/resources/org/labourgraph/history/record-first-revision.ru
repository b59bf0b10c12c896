# As record-revision.ru for revision 1: written only while the store holds no change log head at all.
# ?log, ?revision, ?number, ?patch, ?time and ?token are bound.
PREFIX lg: <https://w3id.org/labourgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
# The DELETE template holds the change's deleted quads only (added in code).
DELETE { }
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
  FILTER NOT EXISTS { GRAPH ?log { ?log lg:changeLogHead ?any } }
}
