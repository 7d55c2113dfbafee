package io.quotewire.extraction.eval;

/** Counts accumulated over articles, and the figures derived from them. */
final class Scores {

    int gold;
    int predicted;
    int exactMatches;
    int overlapMatches;
    int speakerCorrect;

    void add(int goldCount, int predictedCount, int exact, int overlap, int correctSpeakers) {
        gold += goldCount;
        predicted += predictedCount;
        exactMatches += exact;
        overlapMatches += overlap;
        speakerCorrect += correctSpeakers;
    }

    static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : numerator / (double) denominator;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }

    String row(String label) {
        double pe = ratio(exactMatches, predicted);
        double re = ratio(exactMatches, gold);
        double po = ratio(overlapMatches, predicted);
        double ro = ratio(overlapMatches, gold);
        double pairP = ratio(speakerCorrect, predicted);
        double pairR = ratio(speakerCorrect, gold);
        return String.format("%-9s %5d %5d | %5.3f %5.3f %5.3f | %5.3f %5.3f %5.3f | %5.3f (%d/%d) | %5.3f",
                label, gold, predicted, pe, re, f1(pe, re), po, ro, f1(po, ro),
                ratio(speakerCorrect, overlapMatches), speakerCorrect, overlapMatches, f1(pairP, pairR));
    }

    static String header() {
        return String.format("%-9s %5s %5s | %-17s | %-17s | %-14s | %s%n%-9s %5s %5s | %5s %5s %5s | %5s %5s %5s | %-14s | %s",
                "", "gold", "pred", "exact", "overlap>=0.8", "speaker acc", "pair",
                "type", "", "", "P", "R", "F1", "P", "R", "F1", "(on overlap)", "F1");
    }
}
