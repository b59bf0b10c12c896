package org.labourgraph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_Distinct;
import org.apache.jena.sparql.path.P_FixedLength;
import org.apache.jena.sparql.path.P_Inverse;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_Multi;
import org.apache.jena.sparql.path.P_OneOrMore1;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.sparql.path.P_Shortest;
import org.apache.jena.sparql.path.P_ZeroOrMore1;
import org.apache.jena.sparql.path.P_ZeroOrMoreN;
import org.apache.jena.sparql.path.P_ZeroOrOne;
import org.apache.jena.sparql.path.Path;

/**
 * Answers a transitive property's closure when a query asks for it: every pattern whose predicate is one of
 * {@code closed} (named as a constant, in a basic graph pattern or inside a property path) becomes the path
 * {@code p+} over the one-step links the store holds. So {@code ?c skos:broaderTransitive ?a} reads the broader
 * chain from ?c upwards, and the closure's pairs (most of what a deep hierarchy entails) are never written.
 *
 * <p>A pattern with a variable predicate ({@code ?s ?p ?o}, DESCRIBE) sees the stored one-step links only.
 */
final class TransitiveClosureRewrite extends TransformCopy {
    private final Set<Node> closed;

    private TransitiveClosureRewrite(Set<Node> closed) {
        this.closed = closed;
    }

    /** {@code op} with each pattern on a property of {@code closed} asked as that property's closure. */
    static Op rewrite(Op op, Set<Node> closed) {
        return closed.isEmpty() ? op : Transformer.transformSkipService(new TransitiveClosureRewrite(closed), op);
    }

    @Override
    public Op transform(OpBGP bgp) {
        List<Triple> kept = new ArrayList<>();
        List<Op> anchored = new ArrayList<>();
        List<Op> free = new ArrayList<>();
        for (Triple t : bgp.getPattern()) {
            if (!closed.contains(t.getPredicate())) {
                kept.add(t);
                continue;
            }
            // A path from a fixed end walks only what lies beyond it: run it first, its rows then bind the rest. From a
            // fixed subject (its ancestors: a few) Jena's path engine walks; towards a fixed object (all below a concept)
            // or with both ends free, WholeClosure does, reading the links whole when there are many to walk.
            if (t.getSubject().isConcrete()) {
                anchored.add(new OpPath(new TriplePath(t.getSubject(), new P_OneOrMore1(new P_Link(t.getPredicate())), t.getObject())));
            } else {
                (t.getObject().isConcrete() ? anchored : free).add(WholeClosure.over(t.getSubject(), t.getPredicate(), t.getObject()));
            }
        }
        if (anchored.isEmpty() && free.isEmpty()) {
            return bgp;
        }
        OpSequence sequence = OpSequence.create();
        anchored.forEach(sequence::add);
        if (!kept.isEmpty()) {
            sequence.add(new OpBGP(BasicPattern.wrap(kept)));
        }
        free.forEach(sequence::add);
        return sequence.size() == 1 ? sequence.get(0) : sequence;
    }

    @Override
    public Op transform(OpTriple opTriple) {
        return transform(new OpBGP(BasicPattern.wrap(List.of(opTriple.getTriple()))));
    }

    @Override
    public Op transform(OpPath opPath) {
        TriplePath tp = opPath.getTriplePath();
        Path rewritten = rewrite(tp.getPath());
        return rewritten == tp.getPath() ? opPath : new OpPath(new TriplePath(tp.getSubject(), rewritten, tp.getObject()));
    }

    /** The path with each step on a closed property made that property's closure; the same object when none is. */
    private Path rewrite(Path path) {
        if (path instanceof P_Link link) {
            return closed.contains(link.getNode()) ? new P_OneOrMore1(link) : link;
        }
        if (path instanceof P_ReverseLink reverse) {
            return closed.contains(reverse.getNode()) ? new P_Inverse(new P_OneOrMore1(new P_Link(reverse.getNode()))) : reverse;
        }
        if (path instanceof P_Alt alt) {
            Path left = rewrite(alt.getLeft());
            Path right = rewrite(alt.getRight());
            return left == alt.getLeft() && right == alt.getRight() ? alt : new P_Alt(left, right);
        }
        if (path instanceof P_Seq seq) {
            Path left = rewrite(seq.getLeft());
            Path right = rewrite(seq.getRight());
            return left == seq.getLeft() && right == seq.getRight() ? seq : new P_Seq(left, right);
        }
        return rewriteUnary(path);
    }

    /** The one-operand paths, their operand rewritten (a negated property set names what to leave out and stays as written). */
    private Path rewriteUnary(Path path) {
        if (!(path instanceof P_Path1 unary)) {
            return path;
        }
        Path sub = rewrite(unary.getSubPath());
        return sub == unary.getSubPath() ? path : withOperand(unary, sub);
    }

    private static Path withOperand(P_Path1 path, Path sub) {
        if (path instanceof P_Inverse) {
            return new P_Inverse(sub);
        }
        if (path instanceof P_Mod mod) {
            return new P_Mod(sub, mod.getMin(), mod.getMax());
        }
        if (path instanceof P_FixedLength fixed) {
            return new P_FixedLength(sub, fixed.getCount());
        }
        if (path instanceof P_Distinct) {
            return new P_Distinct(sub);
        }
        if (path instanceof P_Multi) {
            return new P_Multi(sub);
        }
        if (path instanceof P_Shortest) {
            return new P_Shortest(sub);
        }
        if (path instanceof P_ZeroOrOne) {
            return new P_ZeroOrOne(sub);
        }
        if (path instanceof P_ZeroOrMore1) {
            return new P_ZeroOrMore1(sub);
        }
        if (path instanceof P_ZeroOrMoreN) {
            return new P_ZeroOrMoreN(sub);
        }
        if (path instanceof P_OneOrMore1) {
            return new P_OneOrMore1(sub);
        }
        if (path instanceof P_OneOrMoreN) {
            return new P_OneOrMoreN(sub);
        }
        throw new IllegalStateException("A property path of a kind the closure rewrite does not know: " + path);
    }
}
