// The preview's live reload: asks the preview for the version of the site after the one this page was served from
// (the request waits until there is one) and reloads the page when it comes.
(() => {
  const served = document.currentScript.dataset.hiwarVersion;
  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const poll = async () => {
    for (;;) {
      try {
        const answer = await fetch(`/.hiwar/changes?since=${encodeURIComponent(served)}`, {cache: "no-store"});
        if (answer.ok && (await answer.text()).trim() !== served) {
          location.reload();
          return;
        }
      } catch (error) {
        await wait(1000);  // the preview stopped or restarts: ask again
      }
    }
  };
  poll();
})();
