use super::{err, Ctx};
use rehearse_app::{HintReveal, ProblemView};
use rehearse_core::{ErrorBody, Language};
use rehearse_store::{Facets, LibraryPage, ProblemQuery};

pub async fn list(ctx: &Ctx, query: ProblemQuery) -> Result<LibraryPage, ErrorBody> {
    ctx.app.library(&query).map_err(err)
}

pub async fn facets(ctx: &Ctx) -> Result<Facets, ErrorBody> {
    ctx.app.facets().map_err(err)
}

pub async fn open(ctx: &Ctx, slug: String, language: Language) -> Result<ProblemView, ErrorBody> {
    ctx.app.problem_view(&slug, language).map_err(err)
}

pub async fn reveal_hint(ctx: &Ctx, slug: String, level: u32) -> Result<HintReveal, ErrorBody> {
    ctx.app.reveal_hint(&slug, level).map_err(err)
}

pub async fn save_draft(
    ctx: &Ctx,
    slug: String,
    language: Language,
    code: String,
) -> Result<(), ErrorBody> {
    ctx.app.save_draft(&slug, language, &code).map_err(err)
}

pub async fn reset_draft(ctx: &Ctx, slug: String, language: Language) -> Result<String, ErrorBody> {
    ctx.app.reset_draft(&slug, language).map_err(err)
}
