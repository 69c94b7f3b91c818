//! The safety page: what to do when rebuilding trust is not the goal.
//!
//! Written once, here, so the app's safety screen and `mend safety` say the
//! same thing. It has to hold in any country: no phone numbers, which could
//! be wrong for the person reading.

pub const TITLE: &str = "Your safety comes first";

/// The page, one paragraph each.
pub const PARAGRAPHS: &[&str] = &[
    "If you are in danger now, call your local emergency number.",
    "If you are thinking about harming yourself or ending your life, call your local \
emergency number or a crisis line now. This page is for you too.",
    "If you think a child is not safe right now, call your local emergency number. \
If you are worried about a child's safety more generally, your local children's \
services can help.",
    "A domestic abuse helpline can help you think things through, in confidence. \
You don't need to be sure it is abuse to call. Your doctor can help you find one, \
or you can search for one on a device nobody else checks.",
    "Mediation may not be right where there is abuse. If you are thinking of it, \
tell the mediator about the abuse first, so they can decide with you whether and how to go ahead.",
    "Where there is fear, rebuilding trust is not the goal. Keeping yourself and \
your children safe is. You don't owe anyone an apology, a reconciliation or a conversation.",
    "Unless your journal is encrypted (mend encrypt), anyone who can use this \
computer's login can read it. Answers marked private are only left out of exports, unless you choose \
to include them. Deleting an entry moves it to the trash, where it stays for thirty days; \
to remove it sooner, open the trash (T in the journal) and empty it (E). Drafts set aside and \
earlier versions of an entry stay on this computer too (a in the journal lists the drafts), and \
a sync tool or backup may keep copies of what you delete.",
    "In the app, Ctrl+Q clears the screen at once. Your draft is still kept on this \
computer until you finish that exercise, so if someone might look, finish it later \
and delete the entry from the journal (d).",
];
