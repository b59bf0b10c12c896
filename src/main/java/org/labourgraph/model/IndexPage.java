package org.labourgraph.model;

import java.util.List;

/** One page of one letter of the A–Z index: its entries, which page of how many, and how many entries the letter has. */
public record IndexPage(String letter, List<IndexEntry> entries, int page, int pages, int total) {
    public IndexPage {
        entries = List.copyOf(entries);
    }
}
