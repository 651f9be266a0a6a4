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
uitslagen-no-result = no result chosen (geslaagd or niet geslaagd): the form is not complete; choose the result on the form and save it again
uitslagen-not-a-number = { $code } (not a number from 0 to { $max })
uitslagen-empty = { $code } (empty)
uitslagen-no-valid-number = no valid number correct for { $codes }: fill them in on the form and save it again

# Forms that contradict each other (lib.rs).
uitslagen-double = { $file }: another form of the same candidate ({ $name }) by the same assessor for plan { $plan } is { $others }: keep the one that counts and move the other away, then collect again
