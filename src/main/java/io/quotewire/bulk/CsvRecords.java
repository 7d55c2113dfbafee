package io.quotewire.bulk;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CSV with a header row naming its columns (those {@code GET /api/v1/quotes/export?format=csv} writes; at least
 * {@code text} and one of {@code sourceUrl} or {@code sourceId}). A row is one quote, read like an imported one: its
 * speaker by name (and Wikidata id), its source by URL. A field may span lines inside double quotes.
 */
final class CsvRecords extends RecordReader {

    /** The columns read; the others that the export writes are derived (id, counts, instants) and ignored. */
    static final Set<String> READ = Set.of("text", "type", "speakerName", "speakerWikidataId", "sourceUrl", "sourceTitle", "sourceId", "start",
            "end", "context", "language", "status", "quotedOn", "confidence", "externalIds", "attributionRule");
    static final Set<String> IGNORED = Set.of("id", "speakerId", "tags", "appearanceCount", "createdAt", "updatedAt");

    private final Path file;
    private final int maxLineBytes;
    private final InputFiles.Opened opened;
    private final MappingIterator<Map<String, String>> rows;
    private final CsvParser parser;
    private long number;

    CsvRecords(Path file, int maxLineBytes) throws IOException {
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.opened = InputFiles.open(file);
        this.rows = iterator(opened, maxLineBytes);
        this.parser = (CsvParser) rows.getParser();
    }

    private static MappingIterator<Map<String, String>> iterator(InputFiles.Opened opened, int maxLineBytes) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxLineBytes).build());
        return mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .without(CsvParser.Feature.ALLOW_TRAILING_COMMA)
                .readValues(new InputStreamReader(opened.text, StandardCharsets.UTF_8));
    }

    @Override
    void checkFormat() throws BadRecord, IOException {
        try (InputFiles.Opened probe = InputFiles.open(file)) {
            MappingIterator<Map<String, String>> first = iterator(probe, maxLineBytes);
            first.hasNext(); // reads the header
            CsvSchema schema = (CsvSchema) first.getParser().getSchema();
            List<String> columns = new java.util.ArrayList<>();
            schema.forEach(column -> columns.add(column.getName()));
            Set<String> unknown = new TreeSet<>(columns);
            unknown.removeAll(READ);
            unknown.removeAll(IGNORED);
            if (!unknown.isEmpty()) {
                throw new BadRecord("the header row names columns this import does not know: " + unknown + "; known: " + new TreeSet<>(READ));
            }
            if (!columns.contains("text") || !(columns.contains("sourceUrl") || columns.contains("sourceId"))) {
                throw new BadRecord("the header row must name the columns text and sourceUrl (or sourceId)");
            }
        } catch (RuntimeJsonMappingException | com.fasterxml.jackson.core.JacksonException e) {
            throw new BadRecord("not CSV with a header row: " + e.getMessage());
        }
    }

    @Override
    void skip(long records) throws IOException {
        for (long i = 0; i < records && next() != null; i++) {
            // rows already imported by an earlier run
        }
    }

    @Override
    Item next() throws IOException {
        Map<String, String> row;
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            row = rows.nextValue();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            // a CSV parser cannot find the next row after a broken one reliably: the import ends here
            throw new IOException("row " + (number + 1) + " (line " + parser.currentLocation().getLineNr() + "): " + e.getOriginalMessage(), e);
        }
        number++;
        long line = parser.currentLocation().getLineNr();
        try {
            return new Item(number, line, CsvQuotes.parse(row, line), null);
        } catch (BadRecord e) {
            return new Item(number, line, null, e.getMessage());
        }
    }

    @Override
    long bytesRead() {
        return opened.bytesRead();
    }

    @Override
    public void close() throws IOException {
        rows.close();
        opened.close();
    }
}
