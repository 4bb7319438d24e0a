//! The macro namespaces of each template, gathered as Tera gathers them,
//! and where each use of a template leads through them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tera::Template;

use super::uses::Use;
use super::{Step, Unit};

/// Each template's macro namespaces, gathered as Tera gathers them.
pub(super) struct Namespaces<'a> {
    templates: &'a HashMap<String, Template>,
    /// Template -> namespace -> the file its macros come from.
    maps: BTreeMap<&'a str, HashMap<&'a str, &'a str>>,
}

impl<'a> Namespaces<'a> {
    pub(super) fn new(templates: &'a HashMap<String, Template>) -> Namespaces<'a> {
        let mut namespaces = Namespaces {
            templates,
            maps: BTreeMap::new(),
        };
        for name in templates.keys() {
            namespaces.gather(name, &mut BTreeSet::new());
        }
        namespaces
    }

    /// `self`, then each import's name and the namespaces it brings, then
    /// those of the parent templates, the first of a name kept. A loop of
    /// imports or parents is cut short here; it is reported on its own.
    fn gather(&mut self, name: &'a str, visiting: &mut BTreeSet<&'a str>) {
        if self.maps.contains_key(name) || !visiting.insert(name) {
            return;
        }
        let templates: &'a HashMap<String, Template> = self.templates;
        let Some(template) = templates.get(name) else {
            return;
        };
        let mut map: HashMap<&'a str, &'a str> = HashMap::new();
        if !template.macros.is_empty() {
            map.insert("self", name);
        }
        let imported = template.imported_macro_files.iter();
        let parents = std::iter::successors(template.parent.as_deref(), |p| {
            templates.get(*p).and_then(|t| t.parent.as_deref())
        })
        .take(templates.len());
        let mut inherited = Vec::new();
        for (file, namespace) in imported {
            if let Some((file, _)) = templates.get_key_value(file) {
                map.insert(namespace.as_str(), file.as_str());
                inherited.push(file.as_str());
            }
        }
        inherited.extend(parents.filter(|p| templates.contains_key(*p)));
        for other in inherited {
            self.gather(other, visiting);
            if let Some(theirs) = self.maps.get(other) {
                for (namespace, file) in theirs {
                    map.entry(namespace).or_insert(file);
                }
            }
        }
        self.maps.insert(name, map);
    }

    /// Where each use leads.
    pub(super) fn targets(&self, uses: &[Use<'a>]) -> Vec<(Unit<'a>, Step<'a>)> {
        let mut targets = Vec::new();
        for used in uses {
            match *used {
                Use::Include(names) => {
                    if let Some((name, _)) =
                        names.iter().find_map(|n| self.templates.get_key_value(n))
                    {
                        targets.push((Unit::File(name.as_str()), Step::Includes));
                    }
                }
                Use::Call(namespace, name) => {
                    let files: BTreeSet<&str> = self
                        .maps
                        .values()
                        .filter_map(|map| map.get(namespace).copied())
                        .filter(|file| {
                            self.templates
                                .get(*file)
                                .is_some_and(|t| t.macros.contains_key(name))
                        })
                        .collect();
                    for file in files {
                        let Some((name, _)) = self.templates[file].macros.get_key_value(name)
                        else {
                            continue;
                        };
                        targets.push((
                            Unit::Macro(file, name.as_str()),
                            Step::Calls(namespace, name.as_str()),
                        ));
                    }
                }
            }
        }
        targets
    }
}
