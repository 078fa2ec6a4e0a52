/** Performance marks set when a drawing is first on screen (the browser tests and npm run bench:pages read them). */
export const GRAPH_DRAWN_MARK = "prassi:graph-drawn";
export const PATH_DRAWN_MARK = "prassi:path-drawn";
