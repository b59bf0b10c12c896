package org.labourgraph.web.curation;

import java.util.List;

import org.labourgraph.validate.Finding;

/** A resource edit the shapes refuse: the findings travel to the response; the transaction is aborted. */
public final class ChangeRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Finding> findings;

    ChangeRefusedException(List<Finding> findings, String text) {
        super(text);
        this.findings = List.copyOf(findings);
    }

    List<Finding> findings() {
        return findings;
    }
}
