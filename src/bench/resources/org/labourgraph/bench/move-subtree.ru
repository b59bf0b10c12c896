# The bench's move of a concept (and so its whole subtree) from one parent to another. The tree is stated both
# ways, so the parent's narrower link moves with the broader one (else the old parent would keep it).
# Bound at run time: ?moved, ?from, ?to.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

DELETE { GRAPH ?g { ?moved skos:broader ?from . ?from skos:narrower ?moved } }
INSERT { GRAPH ?g { ?moved skos:broader ?to . ?to skos:narrower ?moved } }
WHERE  { GRAPH ?g { ?moved skos:broader ?from . ?from skos:narrower ?moved } }
