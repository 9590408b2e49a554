//! Which sentences answer a section, checked on whole lessons.

use crate::lesson::cards::question::tests::{lesson_fronts, lesson_pairs};

#[test]
fn a_tips_few_words_under_its_label_are_its_point() {
    let pairs = lesson_pairs(
        "# Teaching online\n\n## At the desk\n\n\
         - **Golden rule of long classes**: People need breaks.\n\
         - **Keep water nearby.** Sip it during long classes so that your voice holds.\n\
         - **Light your face from the front.** Light from behind turns you into a shadow.\n",
    );
    assert!(
        pairs.iter().any(|(_, back)| back == "People need breaks."),
        "{pairs:?}"
    );
}

#[test]
fn what_the_writer_does_does_not_answer_why_to_do_it() {
    let fronts = lesson_fronts(
        "# Making videos\n\n## Film the interview\n\n\
         Put the camera on a tripod at eye height for the whole interview.\n\n\
         ## Post the videos\n\n\
         We post the videos on our site and on our channel every Friday.\n\n\
         ## Keep them short\n\n\
         Viewers leave after two minutes, so a short video is watched to the end.\n",
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.starts_with("Why") && f.contains("post")),
        "{fronts:?}"
    );
}
