// The page's long tasks from a Chromium trace, with the part of each spent waiting for sigma's WebGL draw.
// In this headless Chromium WebGL runs in software in the GPU process: the page's JS only queues sigma's
// draw calls (≈ 1 ms), and the main thread waits for them to be drawn when the frame is committed
// ("Commit" → GLES2::ReadPixels / WaitForCmd: the software compositor reads the WebGL canvas back). A long
// task made of that wait is sigma's own draw, which the targets set apart; the rest of the task is the app's.
import type { Page } from "playwright-core";

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

export interface TaskTrace {
  /** Main-thread tasks over 50 ms: duration, and the part spent waiting for the GPU process's WebGL work (ms). */
  tasks: { ms: number; webGlWaitMs: number }[];
  /** The longest task, and the longest once its WebGL wait is taken out. */
  longestMs: number;
  longestBesidesWebGlMs: number;
}

/** Events in which the main thread waits for the GPU process to run the WebGL commands queued (nested in one another). */
export const WEBGL_WAITS = new Set(["GLES2::ReadPixels", "ImplementationBase::WaitForCmd", "CommandBufferHelper::Finish"]);

/** The categories of a trace of the page's tasks and GPU waits (few, little overhead). */
export const TASK_CATEGORIES = "toplevel,gpu,__metadata";

/** Starts a trace of the page (by default its tasks and GPU waits; bench/profile asks for more categories). */
export async function startTaskTrace(page: Page, categories = TASK_CATEGORIES): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", { categories, transferMode: "ReportEvents" });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.end");
      await done;
      await cdp.detach();
      return events;
    },
  };
}

/** Total length of the union of [start, end) intervals. */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0,
    end = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/** The renderer's main thread's tasks over 50 ms, each with its WebGL wait (times in ms). */
export function tasksBesidesWebGl(events: readonly TraceEvent[]): TaskTrace {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = main ? events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined) : [];
  // Top-level tasks only (a task may nest another RunTask event).
  const runs = onMain.filter((e) => e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask").sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const e of runs) {
    const last = top[top.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    top.push(e);
  }
  const waits = onMain.filter((e) => WEBGL_WAITS.has(e.name));
  const tasks = top
    .filter((task) => task.dur! > 50_000)
    .map((task) => {
      const inside = waits
        .filter((w) => w.ts >= task.ts && w.ts + w.dur! <= task.ts + task.dur!)
        .map((w): [number, number] => [w.ts, w.ts + w.dur!]);
      return { ms: task.dur! / 1000, webGlWaitMs: unionLength(inside) / 1000 };
    });
  return {
    tasks,
    longestMs: Math.max(0, ...tasks.map((t) => t.ms)),
    longestBesidesWebGlMs: Math.max(0, ...tasks.map((t) => t.ms - t.webGlWaitMs)),
  };
}
