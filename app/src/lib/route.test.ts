import { describe, expect, it } from "vitest";
import { href, parseRoute } from "./route.ts";

describe("routes", () => {
  it("parses the hash into a page and its parameters", () => {
    expect(parseRoute("")).toEqual({ page: "home", params: [] });
    expect(parseRoute("#/lineage/42")).toEqual({ page: "lineage", params: ["42"] });
    expect(parseRoute("#/asset/7/")).toEqual({ page: "asset", params: ["7"] });
  });

  it("builds the href a page parses back", () => {
    expect(parseRoute(href("asset", 12n))).toEqual({ page: "asset", params: ["12"] });
  });
});
