import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { WriteStatus } from "./WriteStatus.tsx";

const hash = `0x${"ab".repeat(32)}` as const;

describe("<WriteStatus>", () => {
  afterEach(cleanup);

  it("says what the wallet is asked for, then that the transaction waits for its receipt", () => {
    const { rerender } = render(<WriteStatus state={{ kind: "preparing" }} />);
    expect(screen.getByTestId("write-status").textContent).toBe("Preparing the transaction…");
    rerender(<WriteStatus state={{ kind: "wallet", step: "Approve 4 dUSD" }} />);
    expect(screen.getByTestId("write-status").textContent).toBe("Approve 4 dUSD: confirm in your wallet…");
    rerender(<WriteStatus state={{ kind: "pending", step: "Approve 4 dUSD", hash }} />);
    expect(screen.getByTestId("write-status").textContent).toBe(
      "Approve 4 dUSD: sent as 0xabababab…, waiting for its receipt…",
    );
  });

  it("shows a decline quietly and a failure as an alert", () => {
    const { rerender } = render(<WriteStatus state={{ kind: "cancelled" }} />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByText("Cancelled in the wallet: nothing sent.")).toBeTruthy();
    rerender(<WriteStatus state={{ kind: "failed", message: "Asset 9 does not exist" }} />);
    expect(screen.getByRole("alert").textContent).toBe("Asset 9 does not exist");
  });

  it("shows nothing when idle or confirmed (the caller shows the result)", () => {
    const { container, rerender } = render(<WriteStatus state={{ kind: "idle" }} />);
    expect(container.textContent).toBe("");
    rerender(<WriteStatus state={{ kind: "confirmed", result: 1n }} />);
    expect(container.textContent).toBe("");
  });
});
