package io.quotewire.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.IOUtils;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The words of a quote as the index sees them, chosen to agree with PostgreSQL's {@code quotewire_english}
 * configuration (migration V2), which answers searches while the index is not current: lower case, accents removed
 * (as {@code unaccent}), the Snowball English stop words dropped (PostgreSQL's {@code english.stop} is the same list)
 * with their positions kept for phrases, and the Snowball English stemmer ({@code english_stem}).
 * The tokenizers differ at the edges: Unicode word breaks here, PostgreSQL's own parser there (which also indexes a
 * hyphenated word whole beside its parts).
 */
public final class QuoteAnalyzer extends Analyzer {

    static final CharArraySet STOP_WORDS = loadStopWords();

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SnowballFilter(stream, new EnglishStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    private static CharArraySet loadStopWords() {
        try (InputStream words = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            if (words == null) {
                throw new IOException("english_stop.txt not found beside " + SnowballFilter.class.getName());
            }
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(words, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop word list is missing from its jar", e);
        }
    }
}
