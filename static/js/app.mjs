// Starts GOV.UK Frontend and MOJ Frontend components. Both files are ES modules
// copied into static/build/js/ by `npm --prefix frontend run build`.
import { initAll as govukInitAll } from "../build/js/govuk-frontend.min.js";
import { initAll as mojInitAll } from "../build/js/moj-frontend.min.js";

govukInitAll();
mojInitAll();
