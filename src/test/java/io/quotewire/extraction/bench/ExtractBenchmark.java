package io.quotewire.extraction.bench;

import io.quotewire.extraction.Article;
import io.quotewire.extraction.Extraction;
import io.quotewire.extraction.QuoteExtractor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to extract from one synthetic article of the given size, built from fixture paragraphs written
 * for this benchmark. Throughput in MB/s = size / time; equal MB/s at both sizes shows linear scaling.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec@bench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExtractBenchmark {

    private static final String[] PARAGRAPHS = {
        "“The storm moved faster than anyone forecast,” said harbour master Marta Ruiz. “We had two hours to secure the boats.”",
        "Ruiz said that the coastguard would review its warning system, adding that no one had been hurt.",
        "Transport minister Elif Demir urged families to keep indoors until the wind dropped, according to the regional council.",
        "\"It was close,\" she said, \"but the sea wall held.\"",
        "Local fisherman Owen Pryce called the night 'the worst in living memory' and said his nets were gone.",
        "“We lost most of the catch in one night.",
        "“The insurers haven’t called back yet,” Pryce said.",
        "A council spokesperson said: \"Crews will clear the promenade by Friday.\"",
        "The ’90s sea wall, which Patel’s firm built, was tested for the first time since it opened.",
    };

    @Param({"100000", "1000000"})
    public int size;

    private Article article;
    private final QuoteExtractor extractor = new QuoteExtractor();

    @Setup
    public void buildArticle() {
        StringBuilder text = new StringBuilder("Storm batters the coast\n\n");
        int i = 0;
        while (text.length() < size) {
            text.append(PARAGRAPHS[i++ % PARAGRAPHS.length]).append("\n\n");
        }
        article = Article.ofText(text.toString());
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(article);
    }
}
