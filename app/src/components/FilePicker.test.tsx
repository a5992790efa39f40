import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashContent } from "../../../sdk/index.js";
import { FilePicker } from "./FilePicker.tsx";

describe("<FilePicker>", () => {
  afterEach(cleanup);

  it("reports the chosen file's SHA-256, computed in the page", async () => {
    const onDigest = vi.fn();
    render(<FilePicker onDigest={onDigest} />);
    const bytes = new TextEncoder().encode("a short clip");
    const file = new File([bytes], "clip.mp4");
    fireEvent.change(screen.getByLabelText("Work file"), { target: { files: [file] } });
    await waitFor(() => expect(onDigest).toHaveBeenCalledTimes(1));
    expect(onDigest).toHaveBeenCalledWith({ name: "clip.mp4", size: bytes.length, contentHash: hashContent(bytes) });
  });

  it("takes a dropped file the same way", async () => {
    const onDigest = vi.fn();
    const { container } = render(<FilePicker onDigest={onDigest} />);
    const file = new File([new Uint8Array([1, 2, 3])], "drop.bin");
    fireEvent.drop(container.querySelector(".dropzone")!, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(onDigest).toHaveBeenCalledTimes(1));
    expect(onDigest.mock.calls[0]![0].contentHash).toBe(hashContent(new Uint8Array([1, 2, 3])));
  });
});
