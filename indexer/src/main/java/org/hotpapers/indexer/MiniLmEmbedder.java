package org.hotpapers.indexer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * The quantized all-MiniLM-L6-v2 sentence-embedding model (Apache 2.0, 384 dimensions), run
 * in-process on ONNX Runtime through langchain4j. A paper is embedded as its title and abstract,
 * then its tweets (links and handles removed) in at most a quarter of the model's 256-token window;
 * the text is cut to the window with the model's own tokenizer, since langchain4j would average
 * several windows instead.
 */
public final class MiniLmEmbedder implements PaperEmbedder {

  /** The model name recorded in the index. */
  public static final String MODEL = "all-minilm-l6-v2-q";

  /** The length of the model's vectors. */
  public static final int DIMENSIONS = 384;

  private static final int WINDOW_TOKENS = 256;
  private static final int SPECIAL_TOKENS = 2;
  private static final int TWEET_TOKENS = WINDOW_TOKENS / 4;
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final String ONNX_MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final Pattern LINK = Pattern.compile("https?://\\S+|pic\\.twitter\\.com/\\S+");
  private static final Pattern HANDLE = Pattern.compile("@\\w+");

  private OrtSession session;
  private volatile OnnxModel model;
  private HuggingFaceTokenizer tokenizer;
  private Throwable loadFailure;

  /**
   * An embedder that loads the model on first use (a rebuild whose papers are all cached never
   * loads it), embedding batches on the calling thread.
   */
  public MiniLmEmbedder() {}

  /**
   * Loads the model and its tokenizer, once; later calls take no lock. A failure (out of memory,
   * most likely) is kept and given to every later call with its cause.
   */
  private void load() {
    if (model == null) {
      loadLocked();
    }
  }

  private synchronized void loadLocked() {
    if (model != null) {
      return;
    }
    if (loadFailure != null) {
      throw new IllegalStateException(
          "the embedding model " + MODEL + " could not be loaded", loadFailure);
    }
    try {
      loadOnce();
    } catch (RuntimeException | Error e) {
      loadFailure = e;
      throw new IllegalStateException("the embedding model " + MODEL + " could not be loaded", e);
    }
  }

  private void loadOnce() {
    try (InputStream json = resource(TOKENIZER);
        InputStream onnx = resource(ONNX_MODEL)) {
      byte[] tokenizerJson = json.readAllBytes();
      tokenizer =
          HuggingFaceTokenizer.newInstance(
              new ByteArrayInputStream(tokenizerJson),
              Map.of("addSpecialTokens", "false", "truncation", "false"));
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      session = environment.createSession(onnx.readAllBytes(), sessionOptions());
      model =
          new OnnxModel(
              new OnnxBertBiEncoder(
                  environment, session, new ByteArrayInputStream(tokenizerJson), PoolingMode.MEAN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime refused the model " + MODEL, e);
    }
  }

  /**
   * One thread per call, and no spin-waiting between calls: a query is embedded on the request's
   * thread while the other core searches, and an indexing worker embeds its own batch. ONNX
   * Runtime's default pool spins on every core after each call, which took the cores the searches
   * and the other indexing worker needed.
   */
  private static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    options.addConfigEntry("session.inter_op.allow_spinning", "0");
    return options;
  }

  private static InputStream resource(String name) {
    InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the model's file " + name + " is missing from its jar");
    }
    return in;
  }

  /** langchain4j's embedding of batches around a session this class configured. */
  private static final class OnnxModel extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    OnnxModel(OnnxBertBiEncoder encoder) {
      super(sameThread());
      this.encoder = encoder;
    }

    private static Executor sameThread() {
      return Runnable::run;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }

  @Override
  public String model() {
    return MODEL;
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public String passage(Paper paper) {
    load();
    StringBuilder tweets = new StringBuilder();
    for (Tweet tweet : paper.tweets()) {
      String text = HANDLE.matcher(LINK.matcher(tweet.text()).replaceAll(" ")).replaceAll(" ");
      tweets.append(' ').append(text.replaceAll("\\s+", " ").strip());
    }
    String tweetPart = cut(tweets.toString().strip(), TWEET_TOKENS);
    int tweetTokens = tweetPart.isEmpty() ? 0 : tokens(tweetPart);
    String head = paper.title() + ". " + paper.abstractText().replaceAll("\\s+", " ");
    String headPart = cut(head.strip(), WINDOW_TOKENS - SPECIAL_TOKENS - tweetTokens);
    return tweetPart.isEmpty() ? headPart : headPart + " " + tweetPart;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    load();
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
  }

  @Override
  public float[] embedQuery(String query) {
    load();
    return model.embed(cut(query, WINDOW_TOKENS - SPECIAL_TOKENS)).content().vector();
  }

  /** {@code text} cut after its first {@code maxTokens} tokens. */
  private String cut(String text, int maxTokens) {
    if (text.isEmpty()) {
      return text;
    }
    Encoding encoding = tokenizer.encode(text, false, false);
    CharSpan[] spans = encoding.getCharTokenSpans();
    if (spans.length <= maxTokens) {
      return text;
    }
    int end = maxTokens <= 0 ? 0 : spans[maxTokens - 1].getEnd();
    return text.substring(0, Math.min(end, text.length()));
  }

  private int tokens(String text) {
    return tokenizer.encode(text, false, false).getIds().length;
  }

  @Override
  public synchronized void close() {
    if (tokenizer != null) {
      tokenizer.close();
    }
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime could not release the model " + MODEL, e);
      }
    }
  }
}
