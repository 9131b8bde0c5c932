// Written by scripts/ui_texts.py from Assets/content/en/ui.yaml: edit that file and run the script.

/// Each text the program shows besides the content, by its id in `ui.yaml`. The pack
/// holds the words in its language (`UIStrings`); the code names only these cases.
public enum UIText: Int, CaseIterable, Sendable {
    /// `app.name`
    case appName
    /// `key.space`
    case keySpace
    /// `header.panel_of`
    case headerPanelOf
    /// `panel.more_below_space`
    case panelMoreBelowSpace
    /// `panel.more_below_down`
    case panelMoreBelowDown
    /// `panel.more_below_preview`
    case panelMoreBelowPreview
    /// `panel.end`
    case panelEnd
    /// `cite.source`
    case citeSource
    /// `cite.sources`
    case citeSources
    /// `cite.evidence`
    case citeEvidence
    /// `evidence.moderate`
    case evidenceModerate
    /// `evidence.weak`
    case evidenceWeak
    /// `evidence.very_uncertain`
    case evidenceVeryUncertain
    /// `entry.evidence`
    case entryEvidence
    /// `entry.duration`
    case entryDuration
    /// `entry.bottom_line`
    case entryBottomLine
    /// `callout.info`
    case calloutInfo
    /// `callout.action`
    case calloutAction
    /// `callout.warning`
    case calloutWarning
    /// `callout.story`
    case calloutStory
    /// `icons.in`
    case iconsIn
    /// `picture.number`
    case pictureNumber
    /// `picture.open`
    case pictureOpen
    /// `picture.playing`
    case picturePlaying
    /// `picture.last`
    case pictureLast
    /// `picture.paused`
    case picturePaused
    /// `source.kind.guideline`
    case sourceKindGuideline
    /// `source.kind.systematic_review`
    case sourceKindSystematicReview
    /// `source.kind.trial`
    case sourceKindTrial
    /// `source.kind.study`
    case sourceKindStudy
    /// `source.kind.review`
    case sourceKindReview
    /// `source.kind.drug_label`
    case sourceKindDrugLabel
    /// `source.kind.agency`
    case sourceKindAgency
    /// `source.kind.textbook`
    case sourceKindTextbook
    /// `source.kind.clinic_or_news`
    case sourceKindClinicOrNews
    /// `source.accessed`
    case sourceAccessed
    /// `source.undated_accessed`
    case sourceUndatedAccessed
    /// `source.undated`
    case sourceUndated
    /// `source.unchecked`
    case sourceUnchecked
    /// `status.reviewed`
    case statusReviewed
    /// `status.not_reviewed`
    case statusNotReviewed
    /// `about.written_by`
    case aboutWrittenBy
    /// `about.funding`
    case aboutFunding
    /// `about.conflicts`
    case aboutConflicts
    /// `about.version`
    case aboutVersion
    /// `about.updated`
    case aboutUpdated
    /// `about.reviewed_by`
    case aboutReviewedBy
    /// `about.last_reviewed`
    case aboutLastReviewed
    /// `about.review`
    case aboutReview
    /// `about.not_reviewed`
    case aboutNotReviewed
    /// `about.next_review`
    case aboutNextReview
    /// `about.updates`
    case aboutUpdates
    /// `about.disclaimer`
    case aboutDisclaimer
    /// `about.clinic_offers`
    case aboutClinicOffers
    /// `about.clinic_does_not_offer`
    case aboutClinicDoesNotOffer
    /// `about.clinic_heading`
    case aboutClinicHeading
    /// `box.more`
    case boxMore
    /// `help.title`
    case helpTitle
    /// `help.close`
    case helpClose
    /// `sources.title`
    case sourcesTitle
    /// `sources.none`
    case sourcesNone
    /// `sources.close`
    case sourcesClose
    /// `definition.close`
    case definitionClose
    /// `small.enlarge`
    case smallEnlarge
    /// `small.quit`
    case smallQuit
    /// `search.label`
    case searchLabel
    /// `search.hint`
    case searchHint
    /// `search.too_long`
    case searchTooLong
    /// `search.nothing`
    case searchNothing
    /// `search.instead`
    case searchInstead
    /// `search.found`
    case searchFound
    /// `search.or_more`
    case searchOrMore
    /// `keys.move_up`
    case keysMoveUp
    /// `keys.move_down`
    case keysMoveDown
    /// `keys.page_up`
    case keysPageUp
    /// `keys.page_down`
    case keysPageDown
    /// `keys.top`
    case keysTop
    /// `keys.bottom`
    case keysBottom
    /// `keys.jump`
    case keysJump
    /// `keys.search`
    case keysSearch
    /// `keys.next_match`
    case keysNextMatch
    /// `keys.previous_match`
    case keysPreviousMatch
    /// `keys.glossary`
    case keysGlossary
    /// `keys.sources`
    case keysSources
    /// `keys.help`
    case keysHelp
    /// `keys.quit`
    case keysQuit
    /// `keys.language`
    case keysLanguage
    /// `keys.open`
    case keysOpen
    /// `keys.next_panel`
    case keysNextPanel
    /// `keys.previous_panel`
    case keysPreviousPanel
    /// `keys.back`
    case keysBack
    /// `keys.history_back`
    case keysHistoryBack
    /// `keys.history_forward`
    case keysHistoryForward
    /// `keys.next_link`
    case keysNextLink
    /// `keys.previous_link`
    case keysPreviousLink
    /// `keys.follow_link`
    case keysFollowLink
    /// `keys.open_next_panel`
    case keysOpenNextPanel
    /// `keys.open_previous_panel`
    case keysOpenPreviousPanel
    /// `keys.play_pause`
    case keysPlayPause
    /// `keys.previous_frame`
    case keysPreviousFrame
    /// `keys.next_frame`
    case keysNextFrame
    /// `keys.restart`
    case keysRestart
    /// `keys.close_search`
    case keysCloseSearch
    /// `keys.open_result`
    case keysOpenResult
    /// `keys.result_above`
    case keysResultAbove
    /// `keys.result_below`
    case keysResultBelow
    /// `keys.delete`
    case keysDelete
    /// `keys.read`
    case keysRead
    /// `keys.repeat`
    case keysRepeat
    /// `keys.slower`
    case keysSlower
    /// `keys.faster`
    case keysFaster
    /// `hint.move`
    case hintMove
    /// `hint.page`
    case hintPage
    /// `hint.search`
    case hintSearch
    /// `hint.sources`
    case hintSources
    /// `hint.help`
    case hintHelp
    /// `hint.quit`
    case hintQuit
    /// `hint.language`
    case hintLanguage
    /// `hint.open`
    case hintOpen
    /// `hint.links`
    case hintLinks
    /// `hint.panels`
    case hintPanels
    /// `hint.list`
    case hintList
    /// `hint.play_pause`
    case hintPlayPause
    /// `hint.step`
    case hintStep
    /// `hint.restart`
    case hintRestart
    /// `hint.close`
    case hintClose
    /// `hint.choose`
    case hintChoose
    /// `hint.delete`
    case hintDelete
    /// `hint.read`
    case hintRead
    /// `kiosk.still_there`
    case kioskStillThere
    /// `kiosk.keep_reading`
    case kioskKeepReading
    /// `kiosk.starting_over`
    case kioskStartingOver
    /// `kiosk.pin_prompt`
    case kioskPinPrompt
    /// `kiosk.pin_rejected`
    case kioskPinRejected
    /// `kiosk.pin_label`
    case kioskPinLabel
    /// `kiosk.staff_exit`
    case kioskStaffExit
    /// `kiosk.locked`
    case kioskLocked
    /// `guided.title`
    case guidedTitle
    /// `guided.step_of`
    case guidedStepOf
    /// `guided.more_below`
    case guidedMoreBelow
    /// `guided.symptoms_prompt`
    case guidedSymptomsPrompt
    /// `guided.questions_prompt`
    case guidedQuestionsPrompt
    /// `guided.both`
    case guidedBoth
    /// `guided.key_points`
    case guidedKeyPoints
    /// `guided.symptoms_ticked`
    case guidedSymptomsTicked
    /// `guided.questions_chosen`
    case guidedQuestionsChosen
    /// `guided.what_next`
    case guidedWhatNext
    /// `guided.none_ticked`
    case guidedNoneTicked
    /// `guided.none_chosen`
    case guidedNoneChosen
    /// `guided.save_hint`
    case guidedSaveHint
    /// `guided.own_words`
    case guidedOwnWords
    /// `guided.choices_fallback`
    case guidedChoicesFallback
    /// `guided.checking`
    case guidedChecking
    /// `guided.notes_title`
    case guidedNotesTitle
    /// `guided.question_of`
    case guidedQuestionOf
    /// `guided.pick_best`
    case guidedPickBest
    /// `guided.right`
    case guidedRight
    /// `guided.right_plain`
    case guidedRightPlain
    /// `guided.again`
    case guidedAgain
    /// `guided.pick_again`
    case guidedPickAgain
    /// `guided.explained`
    case guidedExplained
    /// `guided.handout`
    case guidedHandout
    /// `guided.any_key_closes`
    case guidedAnyKeyCloses
    /// `guided.end_title`
    case guidedEndTitle
    /// `guided.end_wipes`
    case guidedEndWipes
    /// `guided.end_keys`
    case guidedEndKeys
    /// `guided.save_title`
    case guidedSaveTitle
    /// `guided.save_holds`
    case guidedSaveHolds
    /// `guided.saved_in`
    case guidedSavedIn
    /// `guided.save_keys`
    case guidedSaveKeys
    /// `guided.steps_title`
    case guidedStepsTitle
    /// `guided.here`
    case guidedHere
    /// `guided.not_yet`
    case guidedNotYet
    /// `guided.steps_keys`
    case guidedStepsKeys
    /// `guided.symptoms_numbers`
    case guidedSymptomsNumbers
    /// `guided.questions_numbers`
    case guidedQuestionsNumbers
    /// `guided.pairs_numbers`
    case guidedPairsNumbers
    /// `guided.keys.next`
    case guidedKeysNext
    /// `guided.keys.back`
    case guidedKeysBack
    /// `guided.keys.up`
    case guidedKeysUp
    /// `guided.keys.down`
    case guidedKeysDown
    /// `guided.keys.page_up`
    case guidedKeysPageUp
    /// `guided.keys.page_down`
    case guidedKeysPageDown
    /// `guided.keys.steps`
    case guidedKeysSteps
    /// `guided.keys.notes`
    case guidedKeysNotes
    /// `guided.keys.end`
    case guidedKeysEnd
    /// `guided.keys.help`
    case guidedKeysHelp
    /// `guided.keys.toggle`
    case guidedKeysToggle
    /// `guided.keys.pick`
    case guidedKeysPick
    /// `guided.keys.explained`
    case guidedKeysExplained
    /// `guided.keys.export`
    case guidedKeysExport
    /// `guided.keys.step_up`
    case guidedKeysStepUp
    /// `guided.keys.step_down`
    case guidedKeysStepDown
    /// `guided.keys.open_step`
    case guidedKeysOpenStep
    /// `guided.keys.confirm_end`
    case guidedKeysConfirmEnd
    /// `guided.keys.save`
    case guidedKeysSave
    /// `guided.keys.print`
    case guidedKeysPrint
    /// `guided.hint.next`
    case guidedHintNext
    /// `guided.hint.back`
    case guidedHintBack
    /// `guided.hint.steps`
    case guidedHintSteps
    /// `guided.hint.notes`
    case guidedHintNotes
    /// `guided.hint.end`
    case guidedHintEnd
    /// `guided.hint.choose`
    case guidedHintChoose
    /// `guided.hint.pick`
    case guidedHintPick
    /// `guided.hint.explained`
    case guidedHintExplained
    /// `guided.hint.handout`
    case guidedHintHandout
    /// `guided.hint.save`
    case guidedHintSave
    /// `guided.hint.save_print`
    case guidedHintSavePrint
    /// `handout.title`
    case handoutTitle
    /// `handout.safety`
    case handoutSafety
    /// `handout.points`
    case handoutPoints
    /// `handout.symptoms`
    case handoutSymptoms
    /// `handout.questions`
    case handoutQuestions
    /// `handout.next`
    case handoutNext
    /// `handout.sources`
    case handoutSources
    /// `handout.saved`
    case handoutSaved
    /// `handout.no_free_name`
    case handoutNoFreeName
    /// `handout.save_failed`
    case handoutSaveFailed
    /// `handout.printed`
    case handoutPrinted
    /// `handout.no_printer`
    case handoutNoPrinter
    /// `handout.print_failed`
    case handoutPrintFailed
    /// `handout.sound_saved`
    case handoutSoundSaved
    /// `handout.no_sound`
    case handoutNoSound
    /// `handout.sound_failed`
    case handoutSoundFailed
    /// `plain.goodbye`
    case plainGoodbye
    /// `plain.search_prompt`
    case plainSearchPrompt
    /// `plain.no_result`
    case plainNoResult
    /// `plain.no_panel`
    case plainNoPanel
    /// `plain.no_match`
    case plainNoMatch
    /// `plain.panels`
    case plainPanels
    /// `plain.end_of_panel`
    case plainEndOfPanel
    /// `plain.nothing_found`
    case plainNothingFound
    /// `plain.found_instead`
    case plainFoundInstead
    /// `plain.found`
    case plainFound
    /// `plain.result_help`
    case plainResultHelp
    /// `plain.help_number`
    case plainHelpNumber
    /// `plain.help_enter`
    case plainHelpEnter
    /// `plain.help_next`
    case plainHelpNext
    /// `plain.help_search`
    case plainHelpSearch
    /// `plain.help_quit`
    case plainHelpQuit
    /// `plain.prompt_reading`
    case plainPromptReading
    /// `plain.prompt_list`
    case plainPromptList
    /// `plain.guided_title`
    case plainGuidedTitle
    /// `plain.nothing_done`
    case plainNothingDone
    /// `plain.session_ended`
    case plainSessionEnded
    /// `plain.end_ask`
    case plainEndAsk
    /// `plain.save_from_summary`
    case plainSaveFromSummary
    /// `plain.save_ask`
    case plainSaveAsk
    /// `plain.save_keys`
    case plainSaveKeys
    /// `plain.for_clinician`
    case plainForClinician
    /// `plain.explained_only_checks`
    case plainExplainedOnlyChecks
    /// `plain.marked_explained`
    case plainMarkedExplained
    /// `plain.go_step`
    case plainGoStep
    /// `plain.last_step`
    case plainLastStep
    /// `plain.first_step`
    case plainFirstStep
    /// `plain.one_number`
    case plainOneNumber
    /// `plain.numbers`
    case plainNumbers
    /// `plain.pair_number`
    case plainPairNumber
    /// `plain.nothing_to_choose`
    case plainNothingToChoose
    /// `plain.step_of`
    case plainStepOf
    /// `plain.checking`
    case plainChecking
    /// `plain.question_of`
    case plainQuestionOf
    /// `plain.prompt_checkpoint`
    case plainPromptCheckpoint
    /// `plain.prompt_ticks`
    case plainPromptTicks
    /// `plain.prompt_pairs`
    case plainPromptPairs
    /// `plain.prompt_summary`
    case plainPromptSummary
    /// `plain.prompt_topic`
    case plainPromptTopic
    /// `speech.list`
    case speechList
    /// `speech.sources`
    case speechSources
    /// `speech.handout_sources`
    case speechHandoutSources
    /// `speech.unavailable`
    case speechUnavailable
    /// `speech.end`
    case speechEnd
    /// `speech.help`
    case speechHelp
    /// `speech.ticked`
    case speechTicked
    /// `speech.not_ticked`
    case speechNotTicked
    /// `speech.picked`
    case speechPicked
    /// `speech.row`
    case speechRow

    /// The id of each case in `ui.yaml`, in case order.
    public static let ids: [String] = [
        "app.name",
        "key.space",
        "header.panel_of",
        "panel.more_below_space",
        "panel.more_below_down",
        "panel.more_below_preview",
        "panel.end",
        "cite.source",
        "cite.sources",
        "cite.evidence",
        "evidence.moderate",
        "evidence.weak",
        "evidence.very_uncertain",
        "entry.evidence",
        "entry.duration",
        "entry.bottom_line",
        "callout.info",
        "callout.action",
        "callout.warning",
        "callout.story",
        "icons.in",
        "picture.number",
        "picture.open",
        "picture.playing",
        "picture.last",
        "picture.paused",
        "source.kind.guideline",
        "source.kind.systematic_review",
        "source.kind.trial",
        "source.kind.study",
        "source.kind.review",
        "source.kind.drug_label",
        "source.kind.agency",
        "source.kind.textbook",
        "source.kind.clinic_or_news",
        "source.accessed",
        "source.undated_accessed",
        "source.undated",
        "source.unchecked",
        "status.reviewed",
        "status.not_reviewed",
        "about.written_by",
        "about.funding",
        "about.conflicts",
        "about.version",
        "about.updated",
        "about.reviewed_by",
        "about.last_reviewed",
        "about.review",
        "about.not_reviewed",
        "about.next_review",
        "about.updates",
        "about.disclaimer",
        "about.clinic_offers",
        "about.clinic_does_not_offer",
        "about.clinic_heading",
        "box.more",
        "help.title",
        "help.close",
        "sources.title",
        "sources.none",
        "sources.close",
        "definition.close",
        "small.enlarge",
        "small.quit",
        "search.label",
        "search.hint",
        "search.too_long",
        "search.nothing",
        "search.instead",
        "search.found",
        "search.or_more",
        "keys.move_up",
        "keys.move_down",
        "keys.page_up",
        "keys.page_down",
        "keys.top",
        "keys.bottom",
        "keys.jump",
        "keys.search",
        "keys.next_match",
        "keys.previous_match",
        "keys.glossary",
        "keys.sources",
        "keys.help",
        "keys.quit",
        "keys.language",
        "keys.open",
        "keys.next_panel",
        "keys.previous_panel",
        "keys.back",
        "keys.history_back",
        "keys.history_forward",
        "keys.next_link",
        "keys.previous_link",
        "keys.follow_link",
        "keys.open_next_panel",
        "keys.open_previous_panel",
        "keys.play_pause",
        "keys.previous_frame",
        "keys.next_frame",
        "keys.restart",
        "keys.close_search",
        "keys.open_result",
        "keys.result_above",
        "keys.result_below",
        "keys.delete",
        "keys.read",
        "keys.repeat",
        "keys.slower",
        "keys.faster",
        "hint.move",
        "hint.page",
        "hint.search",
        "hint.sources",
        "hint.help",
        "hint.quit",
        "hint.language",
        "hint.open",
        "hint.links",
        "hint.panels",
        "hint.list",
        "hint.play_pause",
        "hint.step",
        "hint.restart",
        "hint.close",
        "hint.choose",
        "hint.delete",
        "hint.read",
        "kiosk.still_there",
        "kiosk.keep_reading",
        "kiosk.starting_over",
        "kiosk.pin_prompt",
        "kiosk.pin_rejected",
        "kiosk.pin_label",
        "kiosk.staff_exit",
        "kiosk.locked",
        "guided.title",
        "guided.step_of",
        "guided.more_below",
        "guided.symptoms_prompt",
        "guided.questions_prompt",
        "guided.both",
        "guided.key_points",
        "guided.symptoms_ticked",
        "guided.questions_chosen",
        "guided.what_next",
        "guided.none_ticked",
        "guided.none_chosen",
        "guided.save_hint",
        "guided.own_words",
        "guided.choices_fallback",
        "guided.checking",
        "guided.notes_title",
        "guided.question_of",
        "guided.pick_best",
        "guided.right",
        "guided.right_plain",
        "guided.again",
        "guided.pick_again",
        "guided.explained",
        "guided.handout",
        "guided.any_key_closes",
        "guided.end_title",
        "guided.end_wipes",
        "guided.end_keys",
        "guided.save_title",
        "guided.save_holds",
        "guided.saved_in",
        "guided.save_keys",
        "guided.steps_title",
        "guided.here",
        "guided.not_yet",
        "guided.steps_keys",
        "guided.symptoms_numbers",
        "guided.questions_numbers",
        "guided.pairs_numbers",
        "guided.keys.next",
        "guided.keys.back",
        "guided.keys.up",
        "guided.keys.down",
        "guided.keys.page_up",
        "guided.keys.page_down",
        "guided.keys.steps",
        "guided.keys.notes",
        "guided.keys.end",
        "guided.keys.help",
        "guided.keys.toggle",
        "guided.keys.pick",
        "guided.keys.explained",
        "guided.keys.export",
        "guided.keys.step_up",
        "guided.keys.step_down",
        "guided.keys.open_step",
        "guided.keys.confirm_end",
        "guided.keys.save",
        "guided.keys.print",
        "guided.hint.next",
        "guided.hint.back",
        "guided.hint.steps",
        "guided.hint.notes",
        "guided.hint.end",
        "guided.hint.choose",
        "guided.hint.pick",
        "guided.hint.explained",
        "guided.hint.handout",
        "guided.hint.save",
        "guided.hint.save_print",
        "handout.title",
        "handout.safety",
        "handout.points",
        "handout.symptoms",
        "handout.questions",
        "handout.next",
        "handout.sources",
        "handout.saved",
        "handout.no_free_name",
        "handout.save_failed",
        "handout.printed",
        "handout.no_printer",
        "handout.print_failed",
        "handout.sound_saved",
        "handout.no_sound",
        "handout.sound_failed",
        "plain.goodbye",
        "plain.search_prompt",
        "plain.no_result",
        "plain.no_panel",
        "plain.no_match",
        "plain.panels",
        "plain.end_of_panel",
        "plain.nothing_found",
        "plain.found_instead",
        "plain.found",
        "plain.result_help",
        "plain.help_number",
        "plain.help_enter",
        "plain.help_next",
        "plain.help_search",
        "plain.help_quit",
        "plain.prompt_reading",
        "plain.prompt_list",
        "plain.guided_title",
        "plain.nothing_done",
        "plain.session_ended",
        "plain.end_ask",
        "plain.save_from_summary",
        "plain.save_ask",
        "plain.save_keys",
        "plain.for_clinician",
        "plain.explained_only_checks",
        "plain.marked_explained",
        "plain.go_step",
        "plain.last_step",
        "plain.first_step",
        "plain.one_number",
        "plain.numbers",
        "plain.pair_number",
        "plain.nothing_to_choose",
        "plain.step_of",
        "plain.checking",
        "plain.question_of",
        "plain.prompt_checkpoint",
        "plain.prompt_ticks",
        "plain.prompt_pairs",
        "plain.prompt_summary",
        "plain.prompt_topic",
        "speech.list",
        "speech.sources",
        "speech.handout_sources",
        "speech.unavailable",
        "speech.end",
        "speech.help",
        "speech.ticked",
        "speech.not_ticked",
        "speech.picked",
        "speech.row",
    ]

    /// The {placeholders} each text takes, in case order: every language uses exactly these.
    static let placeholders: [[String]] = [
        [],
        [],
        ["number", "count"],
        [],
        [],
        [],
        [],
        ["numbers"],
        ["numbers"],
        ["strength"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["filled", "total"],
        ["number", "count"],
        ["picture"],
        ["picture"],
        ["picture"],
        ["picture"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["year", "accessed"],
        ["accessed"],
        [],
        [],
        ["version", "date", "reviewers"],
        ["version", "date"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["clinic"],
        ["clinic"],
        ["clinic"],
        [],
        [],
        [],
        ["panel"],
        [],
        [],
        [],
        ["width", "height", "current"],
        [],
        [],
        [],
        ["count"],
        ["query"],
        ["query", "count", "word"],
        ["count"],
        ["count"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["seconds"],
        [],
        [],
        [],
        [],
        ["attempts", "seconds"],
        [],
        ["number", "count"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["step"],
        [],
        ["number", "count"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["folder"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["title"],
        [],
        [],
        [],
        [],
        [],
        [],
        ["text", "html", "folder"],
        ["folder"],
        ["folder", "reason"],
        [],
        [],
        [],
        ["audio"],
        [],
        [],
        [],
        [],
        ["number"],
        ["number", "count"],
        [],
        [],
        ["number", "count", "title"],
        ["query"],
        ["query", "count", "word"],
        ["count", "query"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["title"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["count"],
        [],
        [],
        ["count"],
        ["count"],
        [],
        [],
        ["number", "count", "title"],
        ["step"],
        ["number", "count"],
        [],
        [],
        [],
        [],
        [],
        ["count"],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        [],
        ["number", "count"],
    ]

    /// How many texts there are.
    public static let count = 277

    public var id: String { Self.ids[rawValue] }
}
