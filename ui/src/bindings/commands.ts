// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppInfo } from "./AppInfo";
import type { Category } from "./Category";
import type { CategoryInfo } from "./CategoryInfo";
import type { Difficulty } from "./Difficulty";
import type { ErrorBody } from "./ErrorBody";
import type { Example } from "./Example";
import type { Facets } from "./Facets";
import type { HintReveal } from "./HintReveal";
import type { Language } from "./Language";
import type { LanguageInfo } from "./LanguageInfo";
import type { LayerProgress } from "./LayerProgress";
import type { LibraryCounts } from "./LibraryCounts";
import type { LibraryPage } from "./LibraryPage";
import type { Notice } from "./Notice";
import type { ProblemDetail } from "./ProblemDetail";
import type { ProblemQuery } from "./ProblemQuery";
import type { ProblemStatus } from "./ProblemStatus";
import type { ProblemSummary } from "./ProblemSummary";
import type { ProblemView } from "./ProblemView";
import type { RunMode } from "./RunMode";
import type { RunReport } from "./RunReport";
import type { RunRequest } from "./RunRequest";
import type { RunSummary } from "./RunSummary";
import type { RunnerInfo } from "./RunnerInfo";
import type { SandboxProgress } from "./SandboxProgress";
import type { SandboxStatus } from "./SandboxStatus";
import type { Settings } from "./Settings";
import type { TestResult } from "./TestResult";
import type { Theme } from "./Theme";
import type { Verdict } from "./Verdict";

export type {
  AppInfo,
  Category,
  CategoryInfo,
  Difficulty,
  ErrorBody,
  Example,
  Facets,
  HintReveal,
  Language,
  LanguageInfo,
  LayerProgress,
  LibraryCounts,
  LibraryPage,
  Notice,
  ProblemDetail,
  ProblemQuery,
  ProblemStatus,
  ProblemSummary,
  ProblemView,
  RunMode,
  RunReport,
  RunRequest,
  RunSummary,
  RunnerInfo,
  SandboxProgress,
  SandboxStatus,
  Settings,
  TestResult,
  Theme,
  Verdict,
};

/** Version, data folder, and anything the user must be told at start. */
export function appInfo(): Promise<AppInfo> {
  return invoke("app_info");
}

/** Called by the UI once a view has rendered; in smoke mode the app then exits 0. */
export function uiReady(view: string): Promise<void> {
  return invoke("ui_ready", { view });
}

/** The library, filtered and searched. */
export function libraryList(query: ProblemQuery): Promise<LibraryPage> {
  return invoke("library_list", { query });
}

/** The categories and companies the library's filters can offer. */
export function libraryFacets(): Promise<Facets> {
  return invoke("library_facets");
}

/** A problem with its starter code (or saved draft) for a language and its revealed hints. */
export function problemOpen(slug: string, language: Language): Promise<ProblemView> {
  return invoke("problem_open", { slug, language });
}

/** Reveals the next hint (levels open one at a time) and records it. */
export function hintReveal(slug: string, level: number): Promise<HintReveal> {
  return invoke("hint_reveal", { slug, level });
}

/** Saves the editor's content as the draft for a problem and language. */
export function draftSave(slug: string, language: Language, code: string): Promise<void> {
  return invoke("draft_save", { slug, language, code });
}

/** Forgets the draft and returns the starter code. */
export function draftReset(slug: string, language: Language): Promise<string> {
  return invoke("draft_reset", { slug, language });
}

/** The user's preferences. */
export function settingsGet(): Promise<Settings> {
  return invoke("settings_get");
}

/** Saves the user's preferences. */
export function settingsSave(settings: Settings): Promise<void> {
  return invoke("settings_save", { settings });
}

/** Whether code can run: Docker's state (connecting again, for Retry) and each image. */
export function sandboxStatus(): Promise<SandboxStatus> {
  return invoke("sandbox_status");
}

/** Starts containers ahead of time for the language on screen. */
export function sandboxWarm(language: Language): Promise<number> {
  return invoke("sandbox_warm", { language });
}

/** Run or Submit; progress arrives as `sandbox-progress` events. The run is stored. */
export function codeRun(request: RunRequest): Promise<RunReport> {
  return invoke("code_run", { request });
}

/** The latest stored runs of a problem. */
export function runsList(slug: string): Promise<Array<RunSummary>> {
  return invoke("runs_list", { slug });
}

/** Calls `handler` with each `sandbox-progress` event until the returned function is called. */
export function onSandboxProgress(handler: (payload: SandboxProgress) => void): Promise<UnlistenFn> {
  return listen<SandboxProgress>("sandbox-progress", (e) => handler(e.payload));
}
