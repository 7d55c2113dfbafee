package io.quotewire.extraction.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.extraction.Article;
import io.quotewire.extraction.ExtractedQuote;
import io.quotewire.extraction.QuoteExtractor;
import io.quotewire.extraction.QuoteType;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores the extractor on a corpus folder of NN.txt + NN.json pairs (format of the corpus README):
 * precision, recall and F1 for exact and overlapping spans, speaker accuracy on matched quotes and
 * (quote, speaker) pair F1, then each article's misses and false hits.
 *
 * <p>Usage: {@code ./mvnw -q test-compile exec:java@eval -Dexec.args=../shared/corpus/dev}
 */
public final class EvaluateExtractor {

    private static final double MIN_OVERLAP = 0.8;

    private final ObjectMapper json = new ObjectMapper();
    private final QuoteExtractor extractor = new QuoteExtractor();
    private final PrintStream out;

    private EvaluateExtractor(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: EvaluateExtractor <corpus folder with NN.txt and NN.json>");
            System.exit(2);
        }
        new EvaluateExtractor(System.out).evaluate(Path.of(args[0]));
    }

    private void evaluate(Path folder) throws IOException {
        Map<QuoteType, Scores> byType = new EnumMap<>(QuoteType.class);
        for (QuoteType type : QuoteType.values()) {
            byType.put(type, new Scores());
        }
        Scores all = new Scores();
        List<String> report = new ArrayList<>();
        for (Path goldFile : goldFiles(folder)) {
            String name = goldFile.getFileName().toString().replaceFirst("\\.json$", "");
            String text = Files.readString(goldFile.resolveSibling(name + ".txt"), StandardCharsets.UTF_8);
            List<GoldQuote> gold = readGold(goldFile);
            List<ExtractedQuote> predicted = extractor.extract(Article.ofText(text)).quotes();
            for (QuoteType type : QuoteType.values()) {
                List<GoldQuote> g = gold.stream().filter(q -> q.type() == type).toList();
                List<ExtractedQuote> p = predicted.stream().filter(q -> q.type() == type).toList();
                List<QuoteMatcher.Match> exact = QuoteMatcher.exact().match(g, p);
                List<QuoteMatcher.Match> overlap = QuoteMatcher.overlap(MIN_OVERLAP).match(g, p);
                int correct = (int) overlap.stream().filter(QuoteMatcher.Match::speakerCorrect).count();
                byType.get(type).add(g.size(), p.size(), exact.size(), overlap.size(), correct);
                all.add(g.size(), p.size(), exact.size(), overlap.size(), correct);
            }
            report.addAll(articleReport(name, gold, predicted));
        }
        out.println(Scores.header());
        out.println(byType.get(QuoteType.DIRECT).row("direct"));
        out.println(byType.get(QuoteType.INDIRECT).row("indirect"));
        out.println(all.row("combined"));
        out.println();
        report.forEach(out::println);
    }

    private List<String> articleReport(String name, List<GoldQuote> gold, List<ExtractedQuote> predicted) {
        List<QuoteMatcher.Match> matches = QuoteMatcher.overlap(MIN_OVERLAP).match(gold, predicted);
        List<String> lines = new ArrayList<>();
        for (GoldQuote g : gold) {
            if (matches.stream().noneMatch(m -> m.gold() == g)) {
                lines.add(String.format("  MISS   %-8s [%d,%d) %s | %s", g.type(), g.start(), g.end(), clip(g.text()), g.speaker()));
            }
        }
        for (ExtractedQuote p : predicted) {
            if (matches.stream().noneMatch(m -> m.predicted() == p)) {
                lines.add(String.format("  FALSE  %-8s [%d,%d) %s | %s (%s)", p.type(), p.start(), p.end(), clip(p.text()),
                        p.speaker() == null ? null : p.speaker().name(), p.rule().id()));
            }
        }
        for (QuoteMatcher.Match m : matches) {
            if (!m.speakerCorrect()) {
                lines.add(String.format("  SPEAKER %-7s %s | gold %s, got %s (%s: %s)", m.gold().type(), clip(m.gold().text()),
                        m.gold().speaker(), m.predicted().speaker() == null ? null : m.predicted().speaker().name(),
                        m.predicted().rule().id(), m.predicted().speakerMention()));
            }
        }
        if (!lines.isEmpty()) {
            lines.add(0, name + ":");
        }
        return lines;
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private List<GoldQuote> readGold(Path file) throws IOException {
        JsonNode root = json.readTree(file.toFile());
        List<GoldQuote> quotes = new ArrayList<>();
        for (JsonNode quote : root.path("quotes")) {
            JsonNode speaker = quote.get("speaker");
            quotes.add(new GoldQuote(
                    quote.path("text").asText(),
                    quote.path("start").asInt(),
                    quote.path("end").asInt(),
                    quote.path("type").asText().equals("direct") ? QuoteType.DIRECT : QuoteType.INDIRECT,
                    speaker == null || speaker.isNull() ? null : speaker.asText()));
        }
        return quotes;
    }

    private static List<Path> goldFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> Files.exists(f.resolveSibling(f.getFileName().toString().replaceFirst("\\.json$", ".txt"))))
                    .sorted()
                    .toList();
        }
    }
}
