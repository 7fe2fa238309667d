import { describe, expect, it } from "vitest";
import { tasksBesidesWebGl, type TraceEvent } from "../../../bench/taskTrace";

const main = { pid: 1, tid: 7 };
const x = (name: string, ts: number, dur: number, at = main): TraceEvent => ({ name, ph: "X", ts, dur, ...at });

describe("tasksBesidesWebGl", () => {
  it("takes each long task's wait for the GPU process's WebGL draw out of it, nested waits counted once", () => {
    const events: TraceEvent[] = [
      { name: "thread_name", ph: "M", ts: 0, ...main, args: { name: "CrRendererMain" } },
      // A 700 ms frame commit: ReadPixels 0.1–0.69 s with Finish/WaitForCmd nested inside it, and a second wait.
      x("ThreadControllerImpl::RunTask", 0, 700_000),
      x("GLES2::ReadPixels", 100_000, 590_000),
      x("CommandBufferHelper::Finish", 110_000, 580_000),
      x("ImplementationBase::WaitForCmd", 120_000, 560_000),
      // A 160 ms script task with no wait, a nested RunTask inside it (not a task of its own).
      x("ThreadControllerImpl::RunTask", 1_000_000, 160_000),
      x("ThreadControllerImpl::RunTask", 1_010_000, 20_000),
      // Short tasks are left out; so are other threads' tasks.
      x("ThreadControllerImpl::RunTask", 2_000_000, 40_000),
      x("ThreadControllerImpl::RunTask", 0, 900_000, { pid: 2, tid: 3 }),
      x("GLES2::ReadPixels", 3_000_000, 10_000),
    ];
    const t = tasksBesidesWebGl(events);
    expect(t.tasks).toEqual([
      { ms: 700, webGlWaitMs: 590 },
      { ms: 160, webGlWaitMs: 0 },
    ]);
    // 700 − 590 = 110 ms of the app's own in the commit; the script task's 160 ms is the longest besides WebGL.
    expect(t.longestMs).toBe(700);
    expect(t.longestBesidesWebGlMs).toBe(160);
  });

  it("says nothing was long when the trace has no main thread", () => {
    expect(tasksBesidesWebGl([x("ThreadControllerImpl::RunTask", 0, 500_000)])).toEqual({
      tasks: [],
      longestMs: 0,
      longestBesidesWebGlMs: 0,
    });
  });
});
