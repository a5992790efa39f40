import { describe, expect, it } from "vitest";
import { hashContent } from "../../../sdk/index.js";
import { digestFile } from "./fileDigest.ts";

describe("digestFile", () => {
  it("is the SDK's content hash of the same bytes", async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 31) % 251);
    const file = new File([bytes], "clip.mp4");
    const digest = await digestFile(file);
    expect(digest).toEqual({ name: "clip.mp4", size: 300_000, contentHash: hashContent(bytes) });
  });

  it("hashes an empty file to SHA-256 of nothing", async () => {
    const { contentHash } = await digestFile(new File([], "empty"));
    expect(contentHash).toBe("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
