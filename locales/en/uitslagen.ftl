# Messages of crates/uitslagen: why a saved beoordelingsformulier is left out of the results list.
# (The results list itself is a Dutch document: its texts stay in the code.)

# Reading a saved form (form.rs).
uitslagen-cannot-read = cannot read it: { $error }
uitslagen-too-large = it is larger than { $max } KiB, too large for a saved beoordelingsformulier
uitslagen-not-utf8 = it is not UTF-8 text
uitslagen-not-a-form = not a saved beoordelingsformulier: { $error } (save the form again with Opslaan)
uitslagen-other-format = not a saved beoordelingsformulier of this toetsgen (formaat { $formaat }, versie { $versie })

# The plan and version the form names (version.rs).
uitslagen-plan-unknown = it is a form of plan { $code }, which is not among the plans read (check --plans)
uitslagen-version-not-a-date = it names version { $versie } of plan { $code }, which is not a date (YYYY-MM-DD): the form writes its plan's version date; save it again from the form
uitslagen-version-current = { $version } (the current one)
uitslagen-list-and = { $list } and { $last }
uitslagen-version-unknown = it was saved against version { $version } of plan { $code }, which is neither the plan's current version nor in its plan archive; the versions of { $code } are { $known }. If that version was published before the archive was kept, put its plan file (from version control) in { $file } and collect again; otherwise open the file in the current form, check every value against the current toetstermen and save it again
uitslagen-archived-invalid = version { $version } of plan { $code } in the plan archive does not pass check ({ $place }: { $message }): restore the file from version control

# What the form lacks (result.rs).
uitslagen-unjudged = no judgement for { $codes }: the form is not complete; fill them in on the form and save it again
uitslagen-candidate-undecided = the candidate of this form read from a blank form is not known yet: the form is not complete; give the kandidaatnummer on scan-controle.html and run `toetsgen scan` again
uitslagen-no-result = no result chosen (geslaagd or niet geslaagd): the form is not complete; choose the result on the form and save it again
uitslagen-not-a-number = { $code } (not a number from 0 to { $max })
uitslagen-empty = { $code } (empty)
uitslagen-no-valid-number = no valid number correct for { $codes }: fill them in on the form and save it again

# Forms that contradict each other (lib.rs).
uitslagen-double = { $file }: another form of the same candidate ({ $name }) by the same assessor for plan { $plan } is { $others }: keep the one that counts and move the other away, then collect again
uitslagen-candidate-numbered = { $name }, number { $nummer }
uitslagen-ambiguous = { $file }: the form has no kandidaatnummer, and { $name } is the name of the candidates numbered { $numbers }: fill in the candidate's number on the form and save it again
uitslagen-three = { $name } has { $n } forms by different assessors for plan { $plan } ({ $files }); a candidate is judged by one or two assessors: keep the forms that count and move the others away, then collect again

# The version of the saved file (form.rs).
uitslagen-v1-fields = it says formaatversie 1, which has no kandidaatnummer and no beoordelaar, but it has them: save the form again with Opslaan
uitslagen-no-number-field = formaatversie 2 has the field kandidaatnummer (empty when not filled in), and this form lacks it: save the form again with Opslaan
uitslagen-beoordelaar = formaatversie 2 says which assessor filled the form in, beoordelaar 1 or 2, and this form says { $value }: choose Beoordelaar 1 or 2 on the form and save it again

# A saved result that contradicts itself (form.rs).
uitslagen-contradicts-itself = its saved result says { $geslaagd } beside the reason "{ $reden }": the form contradicts itself; open it in the form, check the judgements and the result, and save it again
uitslagen-contradicts-values = its saved result says { $saved }, but its judgements give { $worked }: the form contradicts itself; open it in the form, check the judgements and the result, and save it again
