//! The writes that concern the whole output folder rather than one plan: the removal of the
//! files of plans that are gone, the site's index and Wijzigingen page, and the plans' JSON
//! Schema.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Result;

use super::{Data, Writer};
use crate::overview::Site;
use crate::path::SitePage;
use crate::site;

impl Writer<'_> {
    /// Removes the files (not the kept versions) of plans that are gone: no plan has their code
    /// any more, and their file is gone or now holds another plan. `present` maps every plan file
    /// read (as shown) to its code.
    pub fn remove_deleted_plans(&mut self, present: &HashMap<String, String>) -> Result<()> {
        let gone: Vec<String> = (self.record.plannen.iter())
            .filter(|(code, rec)| {
                let still_there = present.values().any(|c| c == *code);
                let file_moved_on = match present.get(&rec.bron) {
                    Some(now) => now != *code,
                    None => !Path::new(&rec.bron).exists(),
                };
                !still_there && file_moved_on
            })
            .map(|(code, _)| code.clone())
            .collect();
        for code in gone {
            if let Some(rec) = self.record.plannen.remove(&code) {
                // Its earlier versions stay, as they did when they were kept by copying.
                for file in rec.bestanden.keys().filter(|f| f.version().is_none()) {
                    self.batch.remove(&file.rel());
                    self.tally.removed += 1;
                }
            }
            let page = SitePage::Plan(code);
            if self.record.site.remove(&page) {
                self.batch.remove(&page.rel());
                self.tally.removed += 1;
            }
        }
        Ok(())
    }

    /// Writes the site's index of every recorded plan, when HTML is built or an index exists.
    /// With them, the Wijzigingen page; `plans` are every valid plan, for search and changes.
    pub fn site_index(&mut self, site: &mut Site) -> Result<()> {
        if site.written() {
            let index = site::index(self.templates, &self.record)?;
            self.page(SitePage::Index, Data::Bytes(index.into_bytes()))?;
            let changes = site::wijzigingen(self.templates, &self.record, site.plans())?;
            self.page(SitePage::Wijzigingen, Data::Bytes(changes.into_bytes()))?;
            let listed: HashSet<String> = (site::listed(&self.record, site.plans()).into_iter())
                .map(|p| p.code.clone())
                .collect();
            self.streamed_page(SitePage::Zoekindex, |out| {
                site.write_search_index(&|p| listed.contains(&p.code), out)
            })?;
        }
        Ok(())
    }

    /// Writes the JSON Schema of a toetsplan beside the site (`toetsplan.schema.json`), for the
    /// editors of the plans; recorded like a page of the site.
    pub fn schema(&mut self) -> Result<()> {
        self.page(
            SitePage::Schema,
            Data::Bytes(toetsgen_plan::schema::json().into_bytes()),
        )
    }
}
