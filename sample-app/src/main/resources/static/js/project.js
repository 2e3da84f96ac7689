// The sample app's script: marks the page as scripted, so a browser test can tell it ran.
document.documentElement.dataset.scripted = "yes";
