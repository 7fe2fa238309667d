// The application context handed to every UI feature module by the composition root (main.ts).
import type { Dataset } from "../domain/types";
import type { Derived } from "../state/derived";
import type { Highlight } from "../state/highlight";
import type { Store } from "../state/store";
import type { CameraState } from "../state/viewState";
import type { Renderer } from "../view/renderer";
import type { Scene } from "../view/scene";
import type { Positions } from "../view/layouts";
import type { Messages } from "./messages";
import type { SidePanel } from "./sidePanel";

export interface App {
  store: Store;
  renderer: Renderer;
  panel: SidePanel;
  messages: Messages;
  /** The bar above the graph, for primary controls (Year, Share link, Export PNG, Import data…). */
  toolbar: HTMLElement;
  dataset(): Dataset;
  derived(): Derived;
  /** The scene last drawn (what the canvas shows). */
  scene(): Scene;
  positions(): Positions;
  /** Replace the node positions (the force layout's steps) and redraw; no tween. */
  setPositions(positions: Positions): void;
  /**
   * Runs `change` (which dispatches) and tweens the redraw it causes over `durationMs` (positions, sizes,
   * widths), signalled with trackAnimation; resolves when the tween has ended (at once if nothing redrew).
   */
  transition(change: () => void, durationMs: number): Promise<void>;
  /** Replace the dataset (import, switching datasets); the view state is reset to its defaults for it. */
  setDataset(dataset: Dataset): void;
  /** Emphasis from an analysis panel (traced chain, through-node); null clears it. */
  setAnalysisHighlight(highlight: Highlight | null): void;
  /** The emphasis set by an analysis panel (for captions of exported images), or null. */
  analysisHighlight(): Highlight | null;
  /** Called after each redraw of the scene (year, filters, weighting, layout or data changed). */
  onSceneChange(listener: (scene: Scene, derived: Derived) => void): () => void;
  /** Called when the dataset is replaced. */
  onDatasetChange(listener: (dataset: Dataset) => void): () => void;
  /** Called on every camera move (user pan/zoom or animation frame). */
  onCamera(listener: (camera: CameraState) => void): () => void;
}
