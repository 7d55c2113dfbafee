package io.quotewire.text;

import java.text.Normalizer;
import java.util.List;

/** Text is stored NFC-normalised, so equal-looking strings compare, search and slice the same way. */
public final class NormalizedText {

    private NormalizedText() {
    }

    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** NFC of a trimmed value, or null when nothing is left. */
    public static String nfcTrimmed(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = nfc(text).strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static List<String> nfcAll(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(NormalizedText::nfcTrimmed).filter(t -> t != null).distinct().toList();
    }
}
