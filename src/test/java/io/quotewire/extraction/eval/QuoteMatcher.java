package io.quotewire.extraction.eval;

import io.quotewire.extraction.ExtractedQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-to-one matching of predicted to gold quotes of the same type: exactly equal spans, or spans
 * covering at least {@code minOverlap} of the gold span (intersection / gold length).
 */
final class QuoteMatcher {

    record Match(GoldQuote gold, ExtractedQuote predicted) {
        boolean speakerCorrect() {
            String expected = gold.speaker();
            String actual = predicted.speaker() == null ? null : predicted.speaker().name();
            if (expected == null || actual == null) {
                return expected == null && actual == null;
            }
            return sameSpeaker(expected, actual);
        }
    }

    /**
     * The metric of issue 10 (and of the scoring on unseen news): the surnames (last words) match and
     * one name's words contain the other's, so "Harrison Tarrant" is "Brenton Harrison Tarrant" but
     * "Sanjay Patel" is not "Vedant Patel".
     */
    static boolean sameSpeaker(String expected, String actual) {
        List<String> a = words(expected);
        List<String> b = words(actual);
        if (a.isEmpty() || b.isEmpty() || !a.get(a.size() - 1).equals(b.get(b.size() - 1))) {
            return false;
        }
        return a.containsAll(b) || b.containsAll(a);
    }

    private static List<String> words(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).trim().split("[\\s.]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private final double minOverlap;
    private final boolean exact;

    private QuoteMatcher(double minOverlap, boolean exact) {
        this.minOverlap = minOverlap;
        this.exact = exact;
    }

    static QuoteMatcher exact() {
        return new QuoteMatcher(1.0, true);
    }

    static QuoteMatcher overlap(double minOverlap) {
        return new QuoteMatcher(minOverlap, false);
    }

    List<Match> match(List<GoldQuote> gold, List<ExtractedQuote> predicted) {
        boolean[] used = new boolean[predicted.size()];
        List<Match> matches = new ArrayList<>();
        for (GoldQuote g : gold) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < predicted.size(); i++) {
                ExtractedQuote p = predicted.get(i);
                if (used[i] || p.type() != g.type()) {
                    continue;
                }
                double score = score(g, p);
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matches.add(new Match(g, predicted.get(best)));
            }
        }
        return matches;
    }

    private double score(GoldQuote g, ExtractedQuote p) {
        if (exact) {
            return g.start() == p.start() && g.end() == p.end() ? 1.0 : 0.0;
        }
        int intersection = Math.min(g.end(), p.end()) - Math.max(g.start(), p.start());
        if (intersection <= 0) {
            return 0.0;
        }
        double ratio = intersection / (double) (g.end() - g.start());
        return ratio >= minOverlap ? ratio : 0.0;
    }
}
