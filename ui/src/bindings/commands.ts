// Generated from src-tauri/src/commands/mod.rs by `cargo xtask bindings`. Do not edit.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AiChoice } from "./AiChoice";
import type { AiProvider } from "./AiProvider";
import type { AiRole } from "./AiRole";
import type { AiRoute } from "./AiRoute";
import type { AiSettings } from "./AiSettings";
import type { AppInfo } from "./AppInfo";
import type { Approach } from "./Approach";
import type { ApproachKind } from "./ApproachKind";
import type { AudioDevices } from "./AudioDevices";
import type { Backend } from "./Backend";
import type { Category } from "./Category";
import type { CategoryInfo } from "./CategoryInfo";
import type { CategoryProgress } from "./CategoryProgress";
import type { CodeNote } from "./CodeNote";
import type { CodeReading } from "./CodeReading";
import type { CostMeter } from "./CostMeter";
import type { DeviceInfo } from "./DeviceInfo";
import type { Difficulty } from "./Difficulty";
import type { Dimension } from "./Dimension";
import type { Dimensions } from "./Dimensions";
import type { EndReason } from "./EndReason";
import type { ErrorBody } from "./ErrorBody";
import type { ErrorCode } from "./ErrorCode";
import type { Evaluation } from "./Evaluation";
import type { EvidenceItem } from "./EvidenceItem";
import type { Example } from "./Example";
import type { ExportSummary } from "./ExportSummary";
import type { Facets } from "./Facets";
import type { HintReveal } from "./HintReveal";
import type { InterviewerMode } from "./InterviewerMode";
import type { KeyCheck } from "./KeyCheck";
import type { KeySource } from "./KeySource";
import type { KeyStatus } from "./KeyStatus";
import type { KeysView } from "./KeysView";
import type { Language } from "./Language";
import type { LanguageInfo } from "./LanguageInfo";
import type { LayerProgress } from "./LayerProgress";
import type { Level } from "./Level";
import type { LibraryCounts } from "./LibraryCounts";
import type { LibraryPage } from "./LibraryPage";
import type { LinkState } from "./LinkState";
import type { LiveEvent } from "./LiveEvent";
import type { NextProblem } from "./NextProblem";
import type { Notice } from "./Notice";
import type { ProblemDetail } from "./ProblemDetail";
import type { ProblemQuery } from "./ProblemQuery";
import type { ProblemStatus } from "./ProblemStatus";
import type { ProblemSummary } from "./ProblemSummary";
import type { ProblemView } from "./ProblemView";
import type { Progress } from "./Progress";
import type { Provider } from "./Provider";
import type { Recommendation } from "./Recommendation";
import type { Replay } from "./Replay";
import type { RoleCost } from "./RoleCost";
import type { RunMode } from "./RunMode";
import type { RunReport } from "./RunReport";
import type { RunRequest } from "./RunRequest";
import type { RunSummary } from "./RunSummary";
import type { RunnerInfo } from "./RunnerInfo";
import type { SandboxProgress } from "./SandboxProgress";
import type { SandboxStatus } from "./SandboxStatus";
import type { ScorePoint } from "./ScorePoint";
import type { Session } from "./Session";
import type { SessionEvent } from "./SessionEvent";
import type { SessionQuery } from "./SessionQuery";
import type { SessionState } from "./SessionState";
import type { SessionStatus } from "./SessionStatus";
import type { SessionTick } from "./SessionTick";
import type { Settings } from "./Settings";
import type { Snapshot } from "./Snapshot";
import type { SnapshotKind } from "./SnapshotKind";
import type { Speaker } from "./Speaker";
import type { SpeakerMode } from "./SpeakerMode";
import type { StartSession } from "./StartSession";
import type { SyntaxIssue } from "./SyntaxIssue";
import type { TestResult } from "./TestResult";
import type { Theme } from "./Theme";
import type { TimelineEntry } from "./TimelineEntry";
import type { TranscriptLine } from "./TranscriptLine";
import type { Usage } from "./Usage";
import type { Verdict } from "./Verdict";
import type { VoiceControl } from "./VoiceControl";
import type { VoiceProvider } from "./VoiceProvider";
import type { VoiceSettings } from "./VoiceSettings";

export type {
  AiChoice,
  AiProvider,
  AiRole,
  AiRoute,
  AiSettings,
  AppInfo,
  Approach,
  ApproachKind,
  AudioDevices,
  Backend,
  Category,
  CategoryInfo,
  CategoryProgress,
  CodeNote,
  CodeReading,
  CostMeter,
  DeviceInfo,
  Difficulty,
  Dimension,
  Dimensions,
  EndReason,
  ErrorBody,
  ErrorCode,
  Evaluation,
  EvidenceItem,
  Example,
  ExportSummary,
  Facets,
  HintReveal,
  InterviewerMode,
  KeyCheck,
  KeySource,
  KeyStatus,
  KeysView,
  Language,
  LanguageInfo,
  LayerProgress,
  Level,
  LibraryCounts,
  LibraryPage,
  LinkState,
  LiveEvent,
  NextProblem,
  Notice,
  ProblemDetail,
  ProblemQuery,
  ProblemStatus,
  ProblemSummary,
  ProblemView,
  Progress,
  Provider,
  Recommendation,
  Replay,
  RoleCost,
  RunMode,
  RunReport,
  RunRequest,
  RunSummary,
  RunnerInfo,
  SandboxProgress,
  SandboxStatus,
  ScorePoint,
  Session,
  SessionEvent,
  SessionQuery,
  SessionState,
  SessionStatus,
  SessionTick,
  Settings,
  Snapshot,
  SnapshotKind,
  Speaker,
  SpeakerMode,
  StartSession,
  SyntaxIssue,
  TestResult,
  Theme,
  TimelineEntry,
  TranscriptLine,
  Usage,
  Verdict,
  VoiceControl,
  VoiceProvider,
  VoiceSettings,
};

/** Version, data folder, and anything the user must be told at start. */
export function appInfo(): Promise<AppInfo> {
  return invoke("app_info");
}

/** Called by the UI once a view has rendered (with its time from opened to painted, if measured); in smoke mode the app then exits 0. */
export function uiReady(view: string, renderMs: number | null): Promise<void> {
  return invoke("ui_ready", { view, renderMs });
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

/** Each agent role's provider and model, whether it is on, and what it lacks if it cannot run. */
export function aiRoutes(): Promise<Array<AiRoute>> {
  return invoke("ai_routes");
}

/** Every provider's key status (set or not, last four characters) and the keychain in use. */
export function keysList(): Promise<KeysView> {
  return invoke("keys_list");
}

/** Stores a provider's key in the OS keychain; only its status comes back. */
export function keySet(provider: Provider, key: string): Promise<KeyStatus> {
  return invoke("key_set", { provider, key });
}

/** Removes a provider's key from the OS keychain. */
export function keyRemove(provider: Provider): Promise<KeyStatus> {
  return invoke("key_remove", { provider });
}

/** Tries the key in use with one cheap request to the provider. */
export function keyTest(provider: Provider): Promise<KeyCheck> {
  return invoke("key_test", { provider });
}

/** The machine's microphones and audio outputs. */
export function audioDevices(): Promise<AudioDevices> {
  return invoke("audio_devices");
}

/** Attaches the text interviewer to a session (once); its replies arrive as `voice-event`. */
export function textStart(id: string): Promise<void> {
  return invoke("text_start", { id });
}

/** Goes on in text when the voice interview cannot: the voice interviewer leaves and the text interviewer takes over with the transcript so far. */
export function textContinue(id: string): Promise<void> {
  return invoke("text_continue", { id });
}

/** A message typed to the interviewer (text or voice). */
export function textSay(id: string, text: string): Promise<void> {
  return invoke("text_say", { id, text });
}

/** Connects the voice interviewer of a session (the Settings provider unless one is given); returns once it is live. Its events arrive as `voice-event`. */
export function voiceStart(id: string, provider: VoiceProvider | null): Promise<void> {
  return invoke("voice_start", { id, provider });
}

/** Mute, push-to-talk, or a typed message, for the voice interview of a session. */
export function voiceControl(id: string, control: VoiceControl): Promise<void> {
  return invoke("voice_control", { id, control });
}

/** Disconnects the voice interviewer of a session. */
export function voiceStop(id: string): Promise<void> {
  return invoke("voice_stop", { id });
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

/** Starts a timed interview; the clock then ticks as `session-tick` events. */
export function sessionStart(request: StartSession): Promise<SessionState> {
  return invoke("session_start", { request });
}

/** A session with its clock read now (and, if it runs, the one the clock follows). */
export function sessionState(id: string): Promise<SessionState> {
  return invoke("session_state", { id });
}

/** The editor's code; stored as an auto snapshot at most every 5 s. */
export function sessionAutosave(id: string, code: string): Promise<void> {
  return invoke("session_autosave", { id, code });
}

/** A checkpoint the candidate asked for. */
export function sessionCheckpoint(id: string, code: string): Promise<void> {
  return invoke("session_checkpoint", { id, code });
}

/** Run or Submit within the session, recorded with a snapshot of the code. */
export function sessionRun(id: string, code: string, mode: RunMode): Promise<RunReport> {
  return invoke("session_run", { id, code, mode });
}

/** Reveals the session's next hint. */
export function sessionHint(id: string): Promise<HintReveal> {
  return invoke("session_hint", { id });
}

/** Ends the session (the code given is its final state) and returns its report. */
export function sessionEnd(id: string, code: string): Promise<Evaluation> {
  return invoke("session_end", { id, code });
}

/** Past and running sessions, newest first. */
export function sessionsList(query: SessionQuery): Promise<Array<Session>> {
  return invoke("sessions_list", { query });
}

/** Sessions whose process is gone (a crash): offered to resume or end. */
export function sessionsRecoverable(): Promise<Array<Session>> {
  return invoke("sessions_recoverable");
}

/** Takes over an interrupted session; the time it lay still does not count. */
export function sessionResume(id: string): Promise<SessionState> {
  return invoke("session_resume", { id });
}

/** Ends an interrupted session as abandoned, with a report on what exists. */
export function sessionAbandon(id: string): Promise<Evaluation> {
  return invoke("session_abandon", { id });
}

/** A finished session's timeline, snapshots, hints and report. */
export function sessionReplay(id: string): Promise<Replay> {
  return invoke("session_replay", { id });
}

/** Grades an ended session again with the AI evaluator; kept beside its other reports. */
export function sessionRegrade(id: string): Promise<Evaluation> {
  return invoke("session_regrade", { id });
}

/** Deletes a session and everything recorded in it. */
export function sessionDelete(id: string): Promise<void> {
  return invoke("session_delete", { id });
}

/** Scores over time, per dimension and per category, and what to practise next. */
export function progressGet(): Promise<Progress> {
  return invoke("progress_get");
}

/** Exports sessions (all when none are named) as a zip in the data folder's exports/. */
export function sessionsExport(ids: Array<string>): Promise<ExportSummary> {
  return invoke("sessions_export", { ids });
}

/** Calls `handler` with each `sandbox-progress` event until the returned function is called. */
export function onSandboxProgress(handler: (payload: SandboxProgress) => void): Promise<UnlistenFn> {
  return listen<SandboxProgress>("sandbox-progress", (e) => handler(e.payload));
}

/** Calls `handler` with each `session-tick` event until the returned function is called. */
export function onSessionTick(handler: (payload: SessionTick) => void): Promise<UnlistenFn> {
  return listen<SessionTick>("session-tick", (e) => handler(e.payload));
}

/** Calls `handler` with each `voice-event` event until the returned function is called. */
export function onVoiceEvent(handler: (payload: LiveEvent) => void): Promise<UnlistenFn> {
  return listen<LiveEvent>("voice-event", (e) => handler(e.payload));
}

/** Calls `handler` with each `session-cost` event until the returned function is called. */
export function onSessionCost(handler: (payload: CostMeter) => void): Promise<UnlistenFn> {
  return listen<CostMeter>("session-cost", (e) => handler(e.payload));
}
