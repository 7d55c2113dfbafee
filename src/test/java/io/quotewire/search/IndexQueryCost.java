package io.quotewire.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * The CPU cost of the index's part of a search, apart from HTTP and PostgreSQL and unaffected by other processes
 * competing for the CPU: every query of a benchmark request file (benchmarks/search.sh writes them) run against a
 * built index, top 21 by (score, sequence number) as the service asks, timed by this thread's CPU clock. A line's
 * filters (tag, type, status, from, to) narrow its query as the service's do; lines naming a speaker are left out
 * (the file names speakers by slug, which only PostgreSQL knows).
 * {@code java -cp <test and main classes, lucene jars> io.quotewire.search.IndexQueryCost INDEX_DIR REQUEST_FILE}
 * ({@code -Dwarm=40 -Drounds=20}, the defaults: with 5 warm-up rounds two builds of the same code differed by 1.7x,
 * the JIT still compiling; {@code -DfilterCacheMb=32}, the service's default, 0 for no filter cache).
 */
public final class IndexQueryCost {

    private IndexQueryCost() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        QuoteAnalyzer analyzer = new QuoteAnalyzer();
        List<String> queries = new ArrayList<>();
        List<SearchFilters> filters = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            int tab = line.indexOf('\t');
            if (tab >= 0 && !line.startsWith("speaker=")) {
                queries.add(line.substring(tab + 1));
                filters.add(filtersOf(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            // as the service searches: filters kept in the same cache, of the size it would have in this heap
            IndexSearcher searcher = new FilterCache(FilterCache.bytesFor(Double.parseDouble(System.getProperty("filterCacheMb", "32")),
                    Runtime.getRuntime().maxMemory())).searcher(reader);
            long hits = 0;
            for (int round = 0; round < Integer.getInteger("warm", 40); round++) { // warm-up: the JIT, and the index files into the page cache
                for (int q = 0; q < queries.size(); q++) {
                    hits += top(searcher, analyzer, queries.get(q), filters.get(q));
                }
            }
            int rounds = Integer.getInteger("rounds", 20);
            long[] micros = new long[queries.size() * rounds];
            long[] perQuery = new long[queries.size()];
            int i = 0;
            long wallStarted = System.nanoTime();
            long cpuStarted = clock.getCurrentThreadCpuTime();
            for (int round = 0; round < rounds; round++) {
                for (int q = 0; q < queries.size(); q++) {
                    long started = clock.getCurrentThreadCpuTime();
                    hits += top(searcher, analyzer, queries.get(q), filters.get(q));
                    micros[i] = (clock.getCurrentThreadCpuTime() - started) / 1_000;
                    perQuery[i % queries.size()] += micros[i++];
                }
            }
            long cpu = clock.getCurrentThreadCpuTime() - cpuStarted;
            double wall = (System.nanoTime() - wallStarted) / 1e9;
            Arrays.sort(micros);
            System.out.printf("%d docs, %d queries x %d rounds: CPU per query p50 %d us, p90 %d us, p99 %d us, max %d us;"
                            + " %.0f queries per CPU-second; wall %.1f s (hits %d)%n",
                    reader.numDocs(), queries.size(), rounds, micros[micros.length / 2], micros[micros.length * 9 / 10],
                    micros[micros.length * 99 / 100], micros[micros.length - 1], queries.size() * rounds / (cpu / 1e9), wall, hits);
            // -Dslowest=N: the N queries that cost most, with their mean CPU per run
            List<Integer> order = new ArrayList<>();
            for (int q = 0; q < queries.size(); q++) {
                order.add(q);
            }
            order.sort((a, b) -> Long.compare(perQuery[b], perQuery[a]));
            for (int q : order.subList(0, Math.min(Integer.getInteger("slowest", 0), order.size()))) {
                System.out.printf("%8d us  %s%n", perQuery[q] / rounds, filters.get(q));
            }
        }
    }

    private static int top(IndexSearcher searcher, QuoteAnalyzer analyzer, String q, SearchFilters filters) throws java.io.IOException {
        WebSearchQuery parsed = WebSearchQuery.parse(q, analyzer);
        return RankedSearch.top(searcher, QuoteIndex.queryOf(parsed.query(), filters), 21, null, null, parsed.matchedTerms()).size();
    }

    /** The filters of a request line's parameters ({@code tag=a&type=direct&from=2015-01-01}), as the service reads them. */
    private static SearchFilters filtersOf(String parameters, String q) {
        Map<String, String> values = new HashMap<>();
        List<List<String>> tags = new ArrayList<>();
        for (String pair : parameters.isEmpty() ? new String[0] : parameters.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("tag")) {
                for (String group : kv[1].split(",")) {
                    tags.add(List.of(group.split("\\|")));
                }
            } else {
                values.put(kv[0], kv[1]);
            }
        }
        return new SearchFilters(q, null, null, tags, values.get("type"), values.get("status"),
                values.containsKey("from") ? LocalDate.parse(values.get("from")) : null,
                values.containsKey("to") ? LocalDate.parse(values.get("to")) : null, null, null, null);
    }
}
