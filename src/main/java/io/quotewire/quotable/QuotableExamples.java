package io.quotewire.quotable;

/** Example answers of the Quotable layer for openapi.yaml. */
final class QuotableExamples {

    static final String QUOTE = """
            {"_id":"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f","content":"We have always insisted on respecting human rights",\
            "author":"Ishaq Dar","authorSlug":"ishaq-dar","length":51,"tags":["Human rights"],\
            "dateAdded":"2024-06-27","dateModified":"2024-06-27"}""";
    static final String QUOTES = "[" + QUOTE + "]";
    static final String QUOTE_PAGE = "{\"count\":1,\"totalCount\":11,\"page\":1,\"totalPages\":11,\"lastItemIndex\":1,\"results\":" + QUOTES + "}";
    static final String AUTHOR = """
            {"_id":"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e60","name":"Ishaq Dar","slug":"ishaq-dar","bio":"",\
            "description":"Deputy Prime Minister","link":"","quoteCount":4,"dateAdded":"2024-06-27","dateModified":"2024-06-27"}""";
    static final String AUTHOR_WITH_QUOTES = """
            {"_id":"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e60","name":"Ishaq Dar","slug":"ishaq-dar","bio":"",\
            "description":"Deputy Prime Minister","link":"","quoteCount":4,"dateAdded":"2024-06-27","dateModified":"2024-06-27",\
            "quotes":[{"_id":"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f","content":"We have always insisted on respecting human rights",\
            "author":"Ishaq Dar","authorSlug":"ishaq-dar","length":51,"tags":["Human rights"],\
            "dateAdded":"2024-06-27","dateModified":"2024-06-27"}]}""";
    static final String AUTHOR_PAGE = "{\"count\":1,\"totalCount\":2,\"page\":1,\"totalPages\":2,\"lastItemIndex\":1,\"results\":[" + AUTHOR + "]}";
    static final String TAG_LIST = """
            [{"_id":"0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e61","name":"Human rights","slug":"human-rights","quoteCount":5,\
            "dateAdded":"2024-06-27","dateModified":"2024-06-27"}]""";
    static final String NOT_FOUND = "{\"statusCode\":404,\"statusMessage\":\"The requested resource could not be found\"}";
    static final String BAD_REQUEST = "{\"statusCode\":400,\"statusMessage\":\"Multiple authors should be separated by a pipe.\"}";
    static final String MISSING_QUERY = "{\"statusCode\":422,\"statusMessage\":\"Missing required parameter: `query`\"}";

    static final String PARAM_AUTHOR = "Only quotes by these speakers: names or slugs separated by | (a comma is a 400, as in Quotable)";
    static final String PARAM_AUTHOR_ID = "Deprecated in Quotable: only quotes by these speaker ids, separated by |; ignored when author is given";
    static final String PARAM_TAGS = "Tag names or slugs: separated by , for all of them, by | for any of them";
    static final String PARAM_MIN_LENGTH = "Shortest content, as JavaScript counts length; with either bound, the other defaults to 0 or 10,000";
    static final String PARAM_MAX_LENGTH = "Longest content, as JavaScript counts length; with either bound, the other defaults to 0 or 10,000";
    static final String PARAM_ORDER = "asc or desc (also ascending, descending, 1, -1); default: the natural order of sortBy";
    static final String PARAM_SORT_ORDER = "Another name of order, which it overrides";
    static final String PARAM_PAGE = "Page number from 1 (default 1); read as JavaScript's parseInt, never refused";
    static final String PARAM_LIMIT = "Results per page, 1 to 150 (default 20); read as JavaScript's parseInt and clamped, never refused";

    private QuotableExamples() {
    }
}
