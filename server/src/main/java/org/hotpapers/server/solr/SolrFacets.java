package org.hotpapers.server.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.hotpapers.indexer.PaperSchema;
import org.hotpapers.server.search.Facets;

/**
 * Reads the JSON facets of a Solr response into the API's facets, ordered as the API orders them.
 */
final class SolrFacets {

  private SolrFacets() {}

  /** Categories and tweeters by count (then name), years by year. */
  static Facets of(QueryResponse response) {
    NestableJsonFacet facets = response.getJsonFacetingResponse();
    return new Facets(
        values(facets, PaperSchema.CATEGORY_FACET),
        values(facets, PaperSchema.YEAR_FACET).stream()
            .sorted(Comparator.comparing(Facets.FacetValue::value))
            .toList(),
        values(facets, PaperSchema.TWEETER_FACET));
  }

  private static List<Facets.FacetValue> values(NestableJsonFacet facets, String name) {
    BucketBasedJsonFacet facet = facets == null ? null : facets.getBucketBasedFacets(name);
    if (facet == null) {
      return List.of();
    }
    List<Facets.FacetValue> values = new ArrayList<>();
    for (BucketJsonFacet bucket : facet.getBuckets()) {
      values.add(new Facets.FacetValue(bucket.getVal().toString(), (int) bucket.getCount()));
    }
    return values;
  }

  /** The newest date of the {@code newest} facet, in milliseconds; 0 for an empty collection. */
  static long newest(QueryResponse response) {
    NestableJsonFacet facets = response.getJsonFacetingResponse();
    Object newest = facets == null ? null : facets.getStatValue("newest");
    return newest instanceof Date date ? date.getTime() : 0;
  }
}
