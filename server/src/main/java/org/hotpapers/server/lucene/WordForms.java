package org.hotpapers.server.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.util.BytesRef;
import org.hotpapers.indexer.PaperSchema;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Other forms of a query word that the index holds: the indexed words with the same Snowball
 * English stem ("learned" also finds "learning", "driving" also "drive"), and the word followed by
 * a version number ("stylegan" also finds "stylegan2"). The index keeps light (KStem) stems, which
 * leave many such forms apart; a query word reaches them all, scored as one word.
 */
final class WordForms {

  /**
   * Words shorter than this are not stemmed: short words and acronyms conflate badly. The
   * dictionary is read from the stem less its last letter, which forms may spell otherwise
   * ("drive", "driving"; "study", "studies").
   */
  private static final int MIN_CHARS = 4;

  /** Most dictionary entries read per field and word, bounding the cost of a common prefix. */
  private static final int MAX_SCANNED = 256;

  /** A version number after a model's name: {@code 2}, {@code v4}, {@code 101}. */
  private static final Pattern VERSION = Pattern.compile("v?\\d{1,3}");

  private final IndexReader reader;

  /** Forms found in the text fields of {@code reader}. */
  WordForms(IndexReader reader) {
    this.reader = reader;
  }

  /**
   * The indexed forms of {@code word} (as typed) whose stem is the word's, and the word followed by
   * a version number, including {@code indexed} (the word as the text analyzer indexes it).
   */
  Set<BytesRef> of(String word, BytesRef indexed) {
    Set<BytesRef> forms = new LinkedHashSet<>();
    forms.add(indexed);
    String typed = word.toLowerCase(Locale.ROOT);
    String text = indexed.utf8ToString();
    Predicate<String> isForm =
        typed.isEmpty() || !Character.isLetter(typed.charAt(typed.length() - 1))
            ? candidate -> false
            : candidate -> isVersion(candidate, text);
    String prefix = text;
    if (typed.length() >= MIN_CHARS && typed.chars().allMatch(Character::isLetter)) {
      String stem = stem(typed);
      String common = commonPrefix(stem, text);
      String stemPrefix = common.substring(0, Math.max(0, common.length() - 1));
      if (stemPrefix.length() >= MIN_CHARS - 1) {
        prefix = stemPrefix;
        isForm = isForm.or(candidate -> stem(candidate).equals(stem));
      }
    }
    addIndexed(prefix, isForm, forms);
    return forms;
  }

  /**
   * Whether {@code candidate} is {@code word} followed by a version number, as names of models are
   * written: {@code stylegan2} for {@code stylegan}, {@code yolov4} for {@code yolo}, {@code
   * wav2vec2} for {@code wav2vec}.
   */
  private static boolean isVersion(String candidate, String word) {
    return candidate.startsWith(word)
        && VERSION.matcher(candidate).region(word.length(), candidate.length()).matches();
  }

  /**
   * Adds the words of the text fields that start with {@code prefix} and are forms, reading at most
   * {@link #MAX_SCANNED} of them per field.
   */
  private void addIndexed(String prefix, Predicate<String> isForm, Set<BytesRef> forms) {
    try {
      for (String field : PaperSchema.TEXT_FIELDS) {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
          continue;
        }
        TermsEnum dictionary = terms.iterator();
        if (dictionary.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
          continue;
        }
        int scanned = 0;
        for (BytesRef term = dictionary.term();
            term != null && scanned < MAX_SCANNED;
            term = dictionary.next(), scanned++) {
          String candidate = term.utf8ToString();
          if (!candidate.startsWith(prefix)) {
            break;
          }
          if (isForm.test(candidate)) {
            forms.add(BytesRef.deepCopyOf(term));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stem(String word) {
    EnglishStemmer stemmer = new EnglishStemmer();
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  private static String commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return a.substring(0, i);
  }

  /** The most papers that hold one of {@code forms} in one text field. */
  int textDocs(Set<BytesRef> forms) {
    try {
      int docs = 0;
      for (String field : PaperSchema.TEXT_FIELDS) {
        for (BytesRef form : forms) {
          docs = Math.max(docs, reader.docFreq(new Term(field, form)));
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The share of its boost that the name match {@code name} keeps for a word that {@code textDocs}
   * papers hold in a text field ({@link #textDocs}): the word's idf in the text over its idf among
   * names, at most 1. A word common in text that is also a rare name ("deep", "adam") would
   * otherwise rank its papers by that name, while a surname, rare in text, keeps its whole boost.
   */
  float nameShare(Term name, int textDocs) {
    try {
      int nameDocs = reader.docFreq(name);
      if (textDocs == 0 || nameDocs == 0) {
        return 1;
      }
      return (float) Math.min(1, idf(textDocs) / idf(nameDocs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The share of its score that {@code phrase}, the parts of a word that {@code wordDocs} papers
   * hold in a text field ({@link #textDocs}), keeps to weigh as the word does: the word's idf over
   * the sum of the parts' idfs (BM25 weighs a phrase by that sum), at most 1.
   */
  float phraseShare(int wordDocs, PhraseQuery phrase) {
    double parts = partsIdf(phrase);
    return parts == 0 ? 1 : (float) Math.min(1, idf(wordDocs) / parts);
  }

  /**
   * The share of its score that {@code joined}, a hyphenated word written as one, gets to weigh as
   * {@code phrase}, the word's parts, does: the sum of the parts' idfs over the word's idf; 0 when
   * no paper holds {@code joined}.
   */
  float joinedShare(Term joined, PhraseQuery phrase) {
    try {
      int docs = reader.docFreq(joined);
      return docs == 0 ? 0 : (float) (partsIdf(phrase) / idf(docs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sum of the idfs of the words of {@code phrase}, as BM25 weighs the phrase. */
  private double partsIdf(PhraseQuery phrase) {
    try {
      double sum = 0;
      for (Term part : phrase.getTerms()) {
        sum += idf(reader.docFreq(part));
      }
      return sum;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** BM25's idf of a term that {@code docs} papers hold. */
  private double idf(int docs) {
    return Math.log(1 + (reader.maxDoc() - docs + 0.5) / (docs + 0.5));
  }
}
